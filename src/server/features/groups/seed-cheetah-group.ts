/**
 * The demo data's closed user group, on the model of the cheetah group for customs, police and wildlife
 * enforcement officers and intergovernmental organisations. The demo generator calls seedCheetahGroup inside its
 * transaction (run as the system actor or a Secretariat admin); it returns the existing group when run again.
 */
import type { MemberCategory } from '../../../shared/groups.contract.ts';
import type { Tx } from '../../db/with-actor.ts';
import { insertGroup } from './create-group.ts';
import { findGroupIdByName } from './groups.repo.ts';

export const CHEETAH_GROUP = {
  name: {
    en: 'Cheetah (Acinonyx jubatus) enforcement group',
    fr: 'Groupe de lutte contre la fraude – guépard (Acinonyx jubatus)',
    es: 'Grupo de observancia – guepardo (Acinonyx jubatus)',
  },
  description: {
    en: 'A closed group for customs, police and wildlife enforcement officers and intergovernmental organisations working on the illegal trade in live cheetahs and their parts: exchange case information, alerts and reference documents without e-mail.',
    fr: 'Un groupe fermé pour les agents des douanes, de la police et de la lutte contre la fraude liée aux espèces sauvages, ainsi que les organisations intergouvernementales, qui travaillent sur le commerce illégal de guépards vivants et de leurs parties : échanger des informations sur les affaires, des alertes et des documents de référence sans courrier électronique.',
    es: 'Un grupo cerrado para funcionarios de aduanas, policía y observancia de la vida silvestre y organizaciones intergubernamentales que trabajan sobre el comercio ilegal de guepardos vivos y sus partes: intercambiar información sobre casos, alertas y documentos de referencia sin correo electrónico.',
  },
} as const;

export async function seedCheetahGroup(
  tx: Tx,
  options: { ownerUserId: string; ownerCategory?: MemberCategory; now?: Date },
): Promise<{ groupId: string; created: boolean }> {
  const existing = await findGroupIdByName(tx, CHEETAH_GROUP.name.en);
  if (existing) return { groupId: existing, created: false };
  const group = await insertGroup(
    tx,
    null,
    {
      name: { ...CHEETAH_GROUP.name },
      description: { ...CHEETAH_GROUP.description },
      isConfidential: false,
      owners: [{ userId: options.ownerUserId, category: options.ownerCategory ?? 'secretariat' }],
    },
    options.now ?? new Date(),
  );
  return { groupId: group.id, created: true };
}
