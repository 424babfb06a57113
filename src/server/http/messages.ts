/**
 * The platform's error messages in its three languages. Keys are the stable error codes (and the
 * validation reasons); {name} placeholders are filled from the error's parameters.
 */
import type { Language } from '../../shared/languages.ts';
import type { ErrorCode } from '../../shared/problem.contract.ts';

type Catalogue = Record<string, Record<Language, string>>;

export const TITLES: Record<ErrorCode, Record<Language, string>> = {
  validation_failed: { en: 'Invalid input', fr: 'Saisie non valide', es: 'Datos no válidos' },
  not_found: { en: 'Not found', fr: 'Introuvable', es: 'No encontrado' },
  unauthenticated: { en: 'Sign-in required', fr: 'Connexion requise', es: 'Es necesario iniciar sesión' },
  forbidden: { en: 'Not allowed', fr: 'Non autorisé', es: 'No autorizado' },
  terms_not_accepted: {
    en: 'Terms of use not accepted',
    fr: "Conditions d'utilisation non acceptées",
    es: 'Condiciones de uso no aceptadas',
  },
  password_change_required: {
    en: 'New password required',
    fr: 'Nouveau mot de passe requis',
    es: 'Se requiere una nueva contraseña',
  },
  conflict: { en: 'Conflict', fr: 'Conflit', es: 'Conflicto' },
  rate_limited: { en: 'Too many requests', fr: 'Trop de requêtes', es: 'Demasiadas solicitudes' },
  payload_too_large: { en: 'Too large', fr: 'Trop volumineux', es: 'Demasiado grande' },
  unsupported_media_type: {
    en: 'Unsupported format',
    fr: 'Format non pris en charge',
    es: 'Formato no admitido',
  },
  service_unavailable: {
    en: 'Service unavailable',
    fr: 'Service indisponible',
    es: 'Servicio no disponible',
  },
  internal_error: { en: 'Unexpected error', fr: 'Erreur inattendue', es: 'Error inesperado' },
};

export const DETAILS: Catalogue = {
  validation_failed: {
    en: 'The field “{field}” is not valid: {reason}',
    fr: 'Le champ « {field} » n’est pas valide : {reason}',
    es: 'El campo «{field}» no es válido: {reason}',
  },
  not_found: {
    en: 'There is nothing at this address, or you may not see it.',
    fr: 'Il n’y a rien à cette adresse, ou vous n’êtes pas autorisé à le voir.',
    es: 'No hay nada en esta dirección, o no está autorizado a verlo.',
  },
  unauthenticated: {
    en: 'Please sign in to continue.',
    fr: 'Veuillez vous connecter pour continuer.',
    es: 'Inicie sesión para continuar.',
  },
  forbidden: {
    en: 'Your account may not do this.',
    fr: 'Votre compte ne permet pas cette action.',
    es: 'Su cuenta no permite esta acción.',
  },
  terms_not_accepted: {
    en: 'Accept the current terms of use before any data is shown.',
    fr: 'Acceptez les conditions d’utilisation en vigueur avant tout affichage de données.',
    es: 'Acepte las condiciones de uso vigentes antes de que se muestre cualquier dato.',
  },
  password_change_required: {
    en: 'You signed in with a one-time password: choose your own password before any data is shown.',
    fr: 'Vous vous êtes connecté avec un mot de passe à usage unique : choisissez votre propre mot de passe avant tout affichage de données.',
    es: 'Inició sesión con una contraseña de un solo uso: elija su propia contraseña antes de que se muestre cualquier dato.',
  },
  conflict: {
    en: 'This conflicts with the current state; reload and try again.',
    fr: 'Ceci entre en conflit avec l’état actuel ; rechargez et réessayez.',
    es: 'Esto entra en conflicto con el estado actual; recargue e inténtelo de nuevo.',
  },
  rate_limited: {
    en: 'Too many requests. Try again in {seconds} seconds.',
    fr: 'Trop de requêtes. Réessayez dans {seconds} secondes.',
    es: 'Demasiadas solicitudes. Vuelva a intentarlo en {seconds} segundos.',
  },
  payload_too_large: {
    en: 'The request is larger than the {limit} bytes allowed.',
    fr: 'La requête dépasse les {limit} octets autorisés.',
    es: 'La solicitud supera los {limit} bytes permitidos.',
  },
  unsupported_media_type: {
    en: 'This content type is not accepted here.',
    fr: 'Ce type de contenu n’est pas accepté ici.',
    es: 'Este tipo de contenido no se acepta aquí.',
  },
  service_unavailable: {
    en: 'The service is briefly unavailable (starting, stopping or reconnecting to its database); nothing was changed. Try again shortly.',
    fr: 'Le service est brièvement indisponible (démarrage, arrêt ou reconnexion à sa base de données) ; rien n’a été modifié. Réessayez dans un instant.',
    es: 'El servicio no está disponible por un momento (se inicia, se detiene o se reconecta a su base de datos); no se ha modificado nada. Inténtelo de nuevo en un momento.',
  },
  internal_error: {
    en: 'Something went wrong on our side. Quote the request id {requestId} if you contact us.',
    fr: 'Une erreur s’est produite de notre côté. Citez l’identifiant de requête {requestId} si vous nous contactez.',
    es: 'Algo falló por nuestra parte. Indique el identificador de solicitud {requestId} si nos contacta.',
  },
};

/** Why a value was refused, by zod issue code. */
export const REASONS: Catalogue = {
  required: { en: 'a value is required', fr: 'une valeur est requise', es: 'se requiere un valor' },
  invalid_type: { en: 'expected {expected}', fr: 'type attendu : {expected}', es: 'se esperaba {expected}' },
  too_small: {
    en: 'must be at least {minimum}',
    fr: 'doit valoir au moins {minimum}',
    es: 'debe ser al menos {minimum}',
  },
  too_big: {
    en: 'must be at most {maximum}',
    fr: 'doit valoir au plus {maximum}',
    es: 'debe ser como máximo {maximum}',
  },
  invalid_value: {
    en: 'must be one of: {values}',
    fr: 'doit être l’une des valeurs : {values}',
    es: 'debe ser uno de: {values}',
  },
  invalid_format: {
    en: 'has the wrong format',
    fr: 'n’a pas le bon format',
    es: 'tiene un formato incorrecto',
  },
  unrecognized_keys: { en: 'is not expected here', fr: 'n’est pas attendu ici', es: 'no se espera aquí' },
  invalid: { en: 'is not valid', fr: 'n’est pas valide', es: 'no es válido' },
  control_character: {
    en: 'contains a control character (such as NUL) that text may not hold',
    fr: 'contient un caractère de contrôle (comme NUL) qu’un texte ne peut pas contenir',
    es: 'contiene un carácter de control (como NUL) que un texto no puede contener',
  },
  import_file_type: {
    en: 'is not an XLSX workbook or a CSV text file',
    fr: 'n’est ni un classeur XLSX ni un fichier texte CSV',
    es: 'no es un libro XLSX ni un archivo de texto CSV',
  },
  import_no_header: {
    en: 'has no row of seizure column headers (use the report template)',
    fr: 'ne contient aucune ligne d’en-têtes des colonnes de saisies (utilisez le modèle de rapport)',
    es: 'no contiene una fila de encabezados de las columnas de incautaciones (use la plantilla del informe)',
  },
  import_trade_database: {
    en: 'is an extract of the CITES Trade Database (legal trade as importers and exporters reported it), not a report of seizures; nothing was imported',
    fr: 'est un extrait de la base de données sur le commerce CITES (commerce légal déclaré par les importateurs et exportateurs), pas un rapport de saisies ; rien n’a été importé',
    es: 'es un extracto de la base de datos sobre el comercio CITES (comercio legal declarado por importadores y exportadores), no un informe de incautaciones; no se importó nada',
  },
  import_shipment_list: {
    en: 'is a list of wildlife shipments declared at a border, not a report of seizures; nothing was imported',
    fr: 'est une liste d’expéditions d’espèces sauvages déclarées à une frontière, pas un rapport de saisies ; rien n’a été importé',
    es: 'es una lista de envíos de vida silvestre declarados en una frontera, no un informe de incautaciones; no se importó nada',
  },
  import_legal_trade_report: {
    en: 'is a CITES annual report of legal trade (permits, trading partners), not a report of seizures; nothing was imported',
    fr: 'est un rapport annuel CITES sur le commerce légal (permis, partenaires commerciaux), pas un rapport de saisies ; rien n’a été importé',
    es: 'es un informe anual CITES de comercio legal (permisos, socios comerciales), no un informe de incautaciones; no se importó nada',
  },
  import_nothing_to_import: {
    en: 'has no row that can be imported ({rejected} rejected, {duplicates} duplicates of {total}); no report was created',
    fr: 'ne contient aucune ligne importable ({rejected} rejetées, {duplicates} doublons sur {total}) ; aucun rapport n’a été créé',
    es: 'no contiene ninguna fila importable ({rejected} rechazadas, {duplicates} duplicadas de {total}); no se creó ningún informe',
  },
  common_password: {
    en: 'is too common or too easy to guess; choose a longer, less predictable password',
    fr: 'est trop courant ou trop facile à deviner ; choisissez un mot de passe plus long et moins prévisible',
    es: 'es demasiado común o fácil de adivinar; elija una contraseña más larga y menos previsible',
  },
  expired: {
    en: 'has expired or was already used',
    fr: 'a expiré ou a déjà été utilisé',
    es: 'ha caducado o ya se utilizó',
  },
  // Closed user groups: uploads and addressing.
  file_type_not_allowed: {
    en: 'is a {detected} file by its content, which is not accepted; accepted: {allowed}',
    fr: 'est un fichier {detected} d’après son contenu, ce qui n’est pas accepté ; acceptés : {allowed}',
    es: 'es un archivo {detected} según su contenido, lo que no se acepta; aceptados: {allowed}',
  },
  file_extension_mismatch: {
    en: 'is named “.{extension}” but its content is {detected}; rename it “.{expected}” if that is what it is',
    fr: 's’appelle « .{extension} » mais son contenu est {detected} ; renommez-le « .{expected} » si c’est bien cela',
    es: 'se llama «.{extension}» pero su contenido es {detected}; cámbielo a «.{expected}» si es eso',
  },
  file_too_large: {
    en: 'is larger than the {limit} bytes allowed',
    fr: 'dépasse les {limit} octets autorisés',
    es: 'supera los {limit} bytes permitidos',
  },
  file_empty: { en: 'is empty', fr: 'est vide', es: 'está vacío' },
  file_unavailable: {
    en: 'is not one of your uploads waiting to be attached',
    fr: 'ne fait pas partie de vos fichiers en attente d’être joints',
    es: 'no es uno de sus archivos pendientes de adjuntar',
  },
  confidential_group_address: {
    en: 'in a confidential group, write to the whole group or to the owners',
    fr: 'dans un groupe confidentiel, écrivez à tout le groupe ou aux propriétaires',
    es: 'en un grupo confidencial, escriba a todo el grupo o a los propietarios',
  },
  not_a_member: {
    en: 'includes someone who is not a member of this group',
    fr: 'comprend une personne qui n’est pas membre de ce groupe',
    es: 'incluye a alguien que no es miembro de este grupo',
  },
  already_member: {
    en: 'you are already a member or have a request waiting',
    fr: 'vous êtes déjà membre ou avez une demande en attente',
    es: 'ya es miembro o tiene una solicitud pendiente',
  },
  last_owner: {
    en: 'a group keeps at least one owner',
    fr: 'un groupe garde au moins un propriétaire',
    es: 'un grupo conserva al menos un propietario',
  },
};

export function translate(
  catalogue: Catalogue,
  key: string,
  language: Language,
  params: Record<string, unknown> = {},
): string {
  const template = catalogue[key]?.[language] ?? catalogue[key]?.en ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    name in params ? String(params[name]) : `{${name}}`,
  );
}
