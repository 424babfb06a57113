/** The consent certificate's words in the three languages. */
import type { Language } from '../../../../shared/languages.ts';

export interface CertificateWords {
  title: string;
  intro: string;
  request: string;
  requestId: string;
  requester: string;
  organisation: string;
  requestedOn: string;
  publication: string;
  intendedUse: string;
  modification: string;
  data: string;
  exportId: string;
  checksum: string;
  filters: string;
  noExport: string;
  consents: string;
  party: string;
  records: string;
  approvedBy: string;
  approvedOn: string;
  comment: string;
  filedOn: string;
  footer: string;
}

export const CERTIFICATE_WORDS: Record<Language, CertificateWords> = {
  en: {
    title: 'Certificate of prior informed consent to publish ITD data',
    intro:
      'Every reporting Party whose data the publication below contains has given its consent, as the terms of use of the Illegal Trade Database (CITES) require. The proof has been filed with the CITES Secretariat.',
    request: 'Request',
    requestId: 'Request id',
    requester: 'Requested by',
    organisation: 'Organisation',
    requestedOn: 'Requested on',
    publication: 'Publication',
    intendedUse: 'Intended use',
    modification: 'Statement of modification or aggregation',
    data: 'Data',
    exportId: 'Export id',
    checksum: 'Export file checksum (SHA-256)',
    filters: 'Filters',
    noExport: 'No export: the request names a filter of the explorer',
    consents: 'Consents of the reporting Parties',
    party: 'Party',
    records: 'Records',
    approvedBy: 'Approved by',
    approvedOn: 'on',
    comment: 'Comment',
    filedOn: 'Proof filed with the Secretariat on',
    footer: 'Cite the data as: Illegal Trade Database (CITES) [date accessed].',
  },
  fr: {
    title:
      'Certificat de consentement préalable en connaissance de cause à la publication de données de l’ITD',
    intro:
      'Chaque Partie déclarante dont la publication ci-dessous contient des données a donné son consentement, comme l’exigent les conditions d’utilisation de la base de données sur le commerce illégal (CITES). La preuve a été transmise au Secrétariat CITES.',
    request: 'Demande',
    requestId: 'Identifiant de la demande',
    requester: 'Demandée par',
    organisation: 'Organisation',
    requestedOn: 'Demandée le',
    publication: 'Publication',
    intendedUse: 'Utilisation prévue',
    modification: 'Déclaration de modification ou d’agrégation',
    data: 'Données',
    exportId: 'Identifiant de l’export',
    checksum: 'Somme de contrôle du fichier exporté (SHA-256)',
    filters: 'Filtres',
    noExport: 'Pas d’export : la demande porte sur un filtre de l’explorateur',
    consents: 'Consentements des Parties déclarantes',
    party: 'Partie',
    records: 'Données',
    approvedBy: 'Approuvé par',
    approvedOn: 'le',
    comment: 'Commentaire',
    filedOn: 'Preuve transmise au Secrétariat le',
    footer: 'Citer les données ainsi : Illegal Trade Database (CITES) [date de consultation].',
  },
  es: {
    title: 'Certificado de consentimiento fundamentado previo para publicar datos del ITD',
    intro:
      'Cada Parte informante cuyos datos contiene la publicación siguiente ha dado su consentimiento, como exigen las condiciones de uso de la base de datos sobre comercio ilegal (CITES). La prueba se ha remitido a la Secretaría CITES.',
    request: 'Solicitud',
    requestId: 'Identificador de la solicitud',
    requester: 'Solicitada por',
    organisation: 'Organización',
    requestedOn: 'Solicitada el',
    publication: 'Publicación',
    intendedUse: 'Uso previsto',
    modification: 'Declaración de modificación o agregación',
    data: 'Datos',
    exportId: 'Identificador de la exportación',
    checksum: 'Suma de control del archivo exportado (SHA-256)',
    filters: 'Filtros',
    noExport: 'Sin exportación: la solicitud se refiere a un filtro del explorador',
    consents: 'Consentimientos de las Partes informantes',
    party: 'Parte',
    records: 'Registros',
    approvedBy: 'Aprobado por',
    approvedOn: 'el',
    comment: 'Comentario',
    filedOn: 'Prueba remitida a la Secretaría el',
    footer: 'Cite los datos así: Illegal Trade Database (CITES) [fecha de consulta].',
  },
};
