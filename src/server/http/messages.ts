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
  step_up_required: {
    en: 'Second factor required',
    fr: 'Second facteur requis',
    es: 'Se requiere un segundo factor',
  },
  export_scope_required: {
    en: 'Token may not export',
    fr: "Le jeton ne permet pas d'exporter",
    es: 'El token no permite exportar',
  },
  conflict: { en: 'Conflict', fr: 'Conflit', es: 'Conflicto' },
  rate_limited: { en: 'Too many requests', fr: 'Trop de requêtes', es: 'Demasiadas solicitudes' },
  security_key_required: {
    en: 'Security key required',
    fr: 'Clé de sécurité requise',
    es: 'Se requiere una llave de seguridad',
  },
  stale_version: { en: 'Changed meanwhile', fr: 'Modifié entre-temps', es: 'Modificado mientras tanto' },
  account_locked: { en: 'Account locked', fr: 'Compte verrouillé', es: 'Cuenta bloqueada' },
  payload_too_large: { en: 'Too large', fr: 'Trop volumineux', es: 'Demasiado grande' },
  file_limit_exceeded: {
    en: 'File past a limit',
    fr: 'Fichier hors limites',
    es: 'Archivo fuera de los límites',
  },
  too_many_uploads: {
    en: 'Too many files at once',
    fr: 'Trop de fichiers à la fois',
    es: 'Demasiados archivos a la vez',
  },
  server_busy: { en: 'Server busy', fr: 'Serveur occupé', es: 'Servidor ocupado' },
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
  step_up_required: {
    en: 'Enter a code from your authenticator app again: a record-level export needs a second factor entered within the last {minutes} minutes.',
    fr: "Saisissez à nouveau un code de votre application d'authentification : un export d'enregistrements exige un second facteur saisi au cours des {minutes} dernières minutes.",
    es: 'Vuelva a introducir un código de su aplicación de autenticación: una exportación de registros exige un segundo factor introducido en los últimos {minutes} minutos.',
  },
  export_scope_required: {
    en: 'This token was not made to export. Ask for one made with the export scope (itd tokens create --scope export).',
    fr: "Ce jeton n'a pas été créé pour exporter. Demandez-en un créé avec la portée export (itd tokens create --scope export).",
    es: 'Este token no se creó para exportar. Solicite uno creado con el ámbito export (itd tokens create --scope export).',
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
  security_key_required: {
    en: 'Secretariat administrators sign in with their security key, not with a code. Choose “Use my security key”.',
    fr: 'Les administrateurs du Secrétariat se connectent avec leur clé de sécurité, pas avec un code. Choisissez « Utiliser ma clé de sécurité ».',
    es: 'Los administradores de la Secretaría inician sesión con su llave de seguridad, no con un código. Elija «Usar mi llave de seguridad».',
  },
  stale_version: {
    en: 'Someone else changed this record meanwhile: it is now at version {currentVersion}. Read that version and make your change from it.',
    fr: 'Quelqu’un d’autre a modifié cette fiche entre-temps : elle en est à la version {currentVersion}. Lisez cette version et faites votre modification à partir d’elle.',
    es: 'Otra persona modificó este registro mientras tanto: ahora está en la versión {currentVersion}. Lea esa versión y haga su cambio a partir de ella.',
  },
  account_locked: {
    en: 'This account is locked until {until} (UTC) after repeated failed sign-ins. Its owner was told by e-mail. Try again after that time, or choose a new password with “Forgot your password?”.',
    fr: 'Ce compte est verrouillé jusqu’à {until} (UTC) après des échecs de connexion répétés. Son titulaire a été prévenu par courriel. Réessayez après cette heure, ou choisissez un nouveau mot de passe avec « Mot de passe oublié ? ».',
    es: 'Esta cuenta está bloqueada hasta las {until} (UTC) tras repetidos inicios de sesión fallidos. Se avisó a su titular por correo electrónico. Vuelva a intentarlo después, o elija una nueva contraseña con «¿Olvidó su contraseña?».',
  },
  payload_too_large: {
    en: 'The request is larger than the {limit} bytes allowed.',
    fr: 'La requête dépasse les {limit} octets autorisés.',
    es: 'La solicitud supera los {limit} bytes permitidos.',
  },
  file_limit_exceeded: {
    en: 'The file goes past the limit of {value} {what} (setting {setting}); it was not read further and nothing was imported.',
    fr: 'Le fichier dépasse la limite de {value} {what} (paramètre {setting}) ; sa lecture a été arrêtée et rien n’a été importé.',
    es: 'El archivo supera el límite de {value} {what} (parámetro {setting}); se dejó de leer y no se importó nada.',
  },
  too_many_uploads: {
    en: 'You already have {limit} file(s) being read; wait until one is done, then try again.',
    fr: 'Vous avez déjà {limit} fichier(s) en cours de lecture ; attendez qu’un soit terminé, puis réessayez.',
    es: 'Ya tiene {limit} archivo(s) en lectura; espere a que termine uno y vuelva a intentarlo.',
  },
  server_busy: {
    en: 'The server is already reading {limit} uploaded files, as many as it reads at once; try again in a minute.',
    fr: 'Le serveur lit déjà {limit} fichiers envoyés, autant qu’il en lit à la fois ; réessayez dans une minute.',
    es: 'El servidor ya está leyendo {limit} archivos enviados, tantos como lee a la vez; vuelva a intentarlo en un minuto.',
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
  in_future: {
    en: 'may not be in the future',
    fr: 'ne peut pas être dans le futur',
    es: 'no puede ser futura',
  },
  before_download: {
    en: 'may not be before the download',
    fr: 'ne peut pas précéder le téléchargement',
    es: 'no puede ser anterior a la descarga',
  },
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
  import_file_damaged: {
    en: 'is damaged and cannot be read (a broken zip or XML in the workbook, or a CSV quote never closed)',
    fr: 'est endommagé et illisible (zip ou XML du classeur cassé, ou guillemet d’un CSV jamais fermé)',
    es: 'está dañado y no se puede leer (zip o XML del libro roto, o comilla de un CSV sin cerrar)',
  },
  import_file_doctype: {
    en: 'holds a DOCTYPE or entity declaration in its XML, which workbooks never need; it was refused unread',
    fr: 'contient dans son XML une déclaration DOCTYPE ou d’entité, dont un classeur n’a jamais besoin ; il a été refusé sans être lu',
    es: 'contiene en su XML una declaración DOCTYPE o de entidad, que un libro nunca necesita; se rechazó sin leerlo',
  },
  upload_abandoned: {
    en: 'was not read to its end: the upload was abandoned',
    fr: 'n’a pas été lu jusqu’au bout : l’envoi a été abandonné',
    es: 'no se leyó hasta el final: el envío se abandonó',
  },
  file_limit: {
    en: 'goes past the limit of {value} {what} ({setting})',
    fr: 'dépasse la limite de {value} {what} ({setting})',
    es: 'supera el límite de {value} {what} ({setting})',
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
  import_unknown_profile: {
    en: 'names no mapping profile you are offered (see GET /api/v1/imports/profiles)',
    fr: 'ne désigne aucun profil de correspondance qui vous est proposé (voir GET /api/v1/imports/profiles)',
    es: 'no designa ningún perfil de correspondencia que se le ofrezca (véase GET /api/v1/imports/profiles)',
  },
  import_columns_unknown: {
    en: 'cannot be mapped again: this batch was staged before its file’s columns were kept; upload the file again',
    fr: 'ne peuvent pas être remises en correspondance : ce lot a été préparé avant que les colonnes du fichier soient conservées ; téléversez de nouveau le fichier',
    es: 'no pueden asignarse de nuevo: este lote se preparó antes de que se conservaran las columnas del archivo; vuelva a subir el archivo',
  },
  import_column_not_in_file: {
    en: 'name a column the file does not have: “{header}”',
    fr: 'désignent une colonne que le fichier n’a pas : « {header} »',
    es: 'nombran una columna que el archivo no tiene: «{header}»',
  },
  import_columns_undecided: {
    en: 'leave columns of the file without a decision (a field, additional information or ignore): {headers}',
    fr: 'laissent des colonnes du fichier sans décision (un champ, informations complémentaires ou ignorer) : {headers}',
    es: 'dejan columnas del archivo sin decisión (un campo, información adicional o ignorar): {headers}',
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
  // Permits (issue 16).
  permit_over_use: {
    en: 'is more than what remains on line {line} of the permit: {remaining}',
    fr: 'dépasse ce qui reste sur la ligne {line} du permis : {remaining}',
    es: 'supera lo que queda en la línea {line} del permiso: {remaining}',
  },
  permit_line_unknown: {
    en: 'the permit has no line {line}',
    fr: 'le permis n’a pas de ligne {line}',
    es: 'el permiso no tiene línea {line}',
  },
  permit_not_usable: {
    en: 'the permit cannot be endorsed: {flags}',
    fr: 'le permis ne peut pas être visé : {flags}',
    es: 'el permiso no puede ser refrendado: {flags}',
  },
  permit_party_required: {
    en: 'name the issuing Party of the permits',
    fr: 'indiquez la Partie qui a délivré les permis',
    es: 'indique la Parte que expidió los permisos',
  },
  stamp_number_needed: {
    en: 'a security stamp number ends in digits',
    fr: 'un numéro de timbre de sécurité se termine par des chiffres',
    es: 'un número de sello de seguridad termina en cifras',
  },
  stamp_range_prefix: {
    en: 'must begin like the first stamp number ({prefix})',
    fr: 'doit commencer comme le premier numéro de timbre ({prefix})',
    es: 'debe empezar como el primer número de sello ({prefix})',
  },
  stamp_range_order: {
    en: 'comes before the first stamp number',
    fr: 'précède le premier numéro de timbre',
    es: 'es anterior al primer número de sello',
  },
  stamp_range_too_long: {
    en: 'makes a range of more than {max} stamps: check the numbers',
    fr: 'forme une série de plus de {max} timbres : vérifiez les numéros',
    es: 'forma una serie de más de {max} sellos: compruebe los números',
  },
};

/** What each reading limit counts, to complete "the limit of {value} {what}". */
export const LIMIT_SUBJECTS: Catalogue = {
  maxInflatedBytes: {
    en: 'bytes for the workbook once unzipped',
    fr: 'octets pour le classeur une fois décompressé',
    es: 'bytes para el libro una vez descomprimido',
  },
  maxCellChars: {
    en: 'characters in one cell',
    fr: 'caractères dans une cellule',
    es: 'caracteres en una celda',
  },
  maxRows: {
    en: 'rows (blank rows included)',
    fr: 'lignes (lignes vides comprises)',
    es: 'filas (filas vacías incluidas)',
  },
  maxColumns: { en: 'columns in a row', fr: 'colonnes par ligne', es: 'columnas por fila' },
  maxParseSeconds: {
    en: 'seconds of reading',
    fr: 'secondes de lecture',
    es: 'segundos de lectura',
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
