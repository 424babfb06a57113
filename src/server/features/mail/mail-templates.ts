/**
 * Every e-mail the platform sends, in its three languages. Messages say what happened and where to
 * go; they never carry ITD data or message contents. {name} placeholders come from the parameters.
 */
import type { Language } from '../../../shared/languages.ts';
import { DATA_OUT_TEMPLATES } from './data-out-templates.ts';

interface Template {
  subject: string;
  body: string;
}

const SIGNATURE: Record<Language, string> = {
  en: '\n\n— ITD Platform (CITES Secretariat). This message was sent automatically; do not reply.',
  fr: '\n\n— ITD Platform (Secrétariat CITES). Ce message a été envoyé automatiquement ; n’y répondez pas.',
  es: '\n\n— ITD Platform (Secretaría CITES). Este mensaje se envió automáticamente; no responda.',
};

export const TEMPLATES = {
  verify_email: {
    en: {
      subject: 'Confirm your e-mail address',
      body: 'Hello {firstName},\n\nTo confirm that this address is yours and send your request for access to the Secretariat, open this link within {hours} hours:\n\n{link}\n\nIf you did not ask for access, ignore this message.',
    },
    fr: {
      subject: 'Confirmez votre adresse électronique',
      body: 'Bonjour {firstName},\n\nPour confirmer que cette adresse est la vôtre et transmettre votre demande d’accès au Secrétariat, ouvrez ce lien dans les {hours} heures :\n\n{link}\n\nSi vous n’avez pas demandé d’accès, ignorez ce message.',
    },
    es: {
      subject: 'Confirme su dirección de correo electrónico',
      body: 'Hola {firstName}:\n\nPara confirmar que esta dirección es suya y enviar su solicitud de acceso a la Secretaría, abra este enlace en las próximas {hours} horas:\n\n{link}\n\nSi no solicitó acceso, ignore este mensaje.',
    },
  },
  registration_approved: {
    en: {
      subject: 'Your access to ITD Platform is approved',
      body: 'Hello {firstName},\n\nThe Secretariat approved your access. Choose your password with this link (valid {hours} hours); at your first sign-in you will set up a second factor and accept the terms of use:\n\n{link}',
    },
    fr: {
      subject: 'Votre accès à ITD Platform est approuvé',
      body: 'Bonjour {firstName},\n\nLe Secrétariat a approuvé votre accès. Choisissez votre mot de passe avec ce lien (valable {hours} heures) ; à votre première connexion, vous configurerez un second facteur et accepterez les conditions d’utilisation :\n\n{link}',
    },
    es: {
      subject: 'Su acceso a ITD Platform ha sido aprobado',
      body: 'Hola {firstName}:\n\nLa Secretaría aprobó su acceso. Elija su contraseña con este enlace (válido {hours} horas); en su primer inicio de sesión configurará un segundo factor y aceptará las condiciones de uso:\n\n{link}',
    },
  },
  registration_rejected: {
    en: {
      subject: 'Your request for access to ITD Platform',
      body: 'Hello {firstName},\n\nThe Secretariat could not approve your request for access. Reason given:\n\n{reason}',
    },
    fr: {
      subject: 'Votre demande d’accès à ITD Platform',
      body: 'Bonjour {firstName},\n\nLe Secrétariat n’a pas pu approuver votre demande d’accès. Motif indiqué :\n\n{reason}',
    },
    es: {
      subject: 'Su solicitud de acceso a ITD Platform',
      body: 'Hola {firstName}:\n\nLa Secretaría no pudo aprobar su solicitud de acceso. Motivo indicado:\n\n{reason}',
    },
  },
  registration_more_info: {
    en: {
      subject: 'More information needed for your access request',
      body: 'Hello {firstName},\n\nThe Secretariat needs more information before deciding on your request:\n\n{message}\n\nPlease reply through your organisation’s usual channel to the CITES Secretariat.',
    },
    fr: {
      subject: 'Informations complémentaires nécessaires pour votre demande d’accès',
      body: 'Bonjour {firstName},\n\nLe Secrétariat a besoin d’informations complémentaires avant de se prononcer sur votre demande :\n\n{message}\n\nVeuillez répondre au Secrétariat CITES par le canal habituel de votre organisation.',
    },
    es: {
      subject: 'Se necesita más información para su solicitud de acceso',
      body: 'Hola {firstName}:\n\nLa Secretaría necesita más información antes de decidir sobre su solicitud:\n\n{message}\n\nResponda a la Secretaría CITES por el canal habitual de su organización.',
    },
  },
  account_suspended: {
    en: {
      subject: 'Your ITD Platform access is suspended',
      body: 'Hello {firstName},\n\nYour access to ITD Platform has been suspended. Reason: {reason}\n\nContact the CITES Secretariat if you think this is a mistake.',
    },
    fr: {
      subject: 'Votre accès à ITD Platform est suspendu',
      body: 'Bonjour {firstName},\n\nVotre accès à ITD Platform a été suspendu. Motif : {reason}\n\nContactez le Secrétariat CITES si vous pensez qu’il s’agit d’une erreur.',
    },
    es: {
      subject: 'Su acceso a ITD Platform está suspendido',
      body: 'Hola {firstName}:\n\nSu acceso a ITD Platform ha sido suspendido. Motivo: {reason}\n\nPóngase en contacto con la Secretaría CITES si cree que se trata de un error.',
    },
  },
  account_withdrawn: {
    en: {
      subject: 'Your ITD Platform access is withdrawn',
      body: 'Hello {firstName},\n\nYour access to ITD Platform has been withdrawn. Reason: {reason}',
    },
    fr: {
      subject: 'Votre accès à ITD Platform est retiré',
      body: 'Bonjour {firstName},\n\nVotre accès à ITD Platform a été retiré. Motif : {reason}',
    },
    es: {
      subject: 'Su acceso a ITD Platform ha sido retirado',
      body: 'Hola {firstName}:\n\nSu acceso a ITD Platform ha sido retirado. Motivo: {reason}',
    },
  },
  account_reinstated: {
    en: {
      subject: 'Your ITD Platform access is restored',
      body: 'Hello {firstName},\n\nYour access to ITD Platform has been restored. You can sign in again.',
    },
    fr: {
      subject: 'Votre accès à ITD Platform est rétabli',
      body: 'Bonjour {firstName},\n\nVotre accès à ITD Platform a été rétabli. Vous pouvez vous reconnecter.',
    },
    es: {
      subject: 'Su acceso a ITD Platform ha sido restablecido',
      body: 'Hola {firstName}:\n\nSu acceso a ITD Platform ha sido restablecido. Puede volver a iniciar sesión.',
    },
  },
  inactivity_warning: {
    en: {
      subject: 'Your ITD Platform access will be suspended soon',
      body: 'Hello {firstName},\n\nYou have not signed in to ITD Platform for a long time. Unless you sign in before {date}, your access will be suspended automatically.\n\n{link}',
    },
    fr: {
      subject: 'Votre accès à ITD Platform sera bientôt suspendu',
      body: 'Bonjour {firstName},\n\nVous ne vous êtes pas connecté à ITD Platform depuis longtemps. Sans connexion avant le {date}, votre accès sera suspendu automatiquement.\n\n{link}',
    },
    es: {
      subject: 'Su acceso a ITD Platform se suspenderá pronto',
      body: 'Hola {firstName}:\n\nHace mucho que no inicia sesión en ITD Platform. Si no inicia sesión antes del {date}, su acceso se suspenderá automáticamente.\n\n{link}',
    },
  },
  password_reset: {
    en: {
      subject: 'Reset your ITD Platform password',
      body: 'Hello {firstName},\n\nTo choose a new password, open this link within {hours} hours:\n\n{link}\n\nIf you did not ask for this, ignore this message; your password stays as it is.',
    },
    fr: {
      subject: 'Réinitialisez votre mot de passe ITD Platform',
      body: 'Bonjour {firstName},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien dans les {hours} heures :\n\n{link}\n\nSi vous n’avez rien demandé, ignorez ce message ; votre mot de passe reste inchangé.',
    },
    es: {
      subject: 'Restablezca su contraseña de ITD Platform',
      body: 'Hola {firstName}:\n\nPara elegir una nueva contraseña, abra este enlace en las próximas {hours} horas:\n\n{link}\n\nSi no lo solicitó, ignore este mensaje; su contraseña no cambia.',
    },
  },
  // Closed user groups: say that something happened and where, never what a message or item says.
  group_join_requested: {
    en: {
      subject: 'A request to join {group}',
      body: 'Hello,\n\nSomeone asked to join the group “{group}”, of which you are an owner. Review the request here:\n\n{link}',
    },
    fr: {
      subject: 'Une demande d’adhésion à {group}',
      body: 'Bonjour,\n\nUne personne a demandé à rejoindre le groupe « {group} », dont vous êtes propriétaire. Examinez la demande ici :\n\n{link}',
    },
    es: {
      subject: 'Una solicitud para unirse a {group}',
      body: 'Hola:\n\nAlguien pidió unirse al grupo «{group}», del que usted es propietario. Revise la solicitud aquí:\n\n{link}',
    },
  },
  group_join_approved: {
    en: {
      subject: 'You are now a member of {group}',
      body: 'Hello {firstName},\n\nYour request to join the group “{group}” was approved. Open the group here:\n\n{link}',
    },
    fr: {
      subject: 'Vous êtes désormais membre de {group}',
      body: 'Bonjour {firstName},\n\nVotre demande d’adhésion au groupe « {group} » a été approuvée. Ouvrez le groupe ici :\n\n{link}',
    },
    es: {
      subject: 'Ahora es miembro de {group}',
      body: 'Hola {firstName}:\n\nSu solicitud para unirse al grupo «{group}» fue aprobada. Abra el grupo aquí:\n\n{link}',
    },
  },
  group_join_rejected: {
    en: {
      subject: 'Your request to join {group}',
      body: 'Hello {firstName},\n\nThe owners of the group “{group}” could not approve your request. Reason given:\n\n{reason}',
    },
    fr: {
      subject: 'Votre demande d’adhésion à {group}',
      body: 'Bonjour {firstName},\n\nLes propriétaires du groupe « {group} » n’ont pas pu approuver votre demande. Motif indiqué :\n\n{reason}',
    },
    es: {
      subject: 'Su solicitud para unirse a {group}',
      body: 'Hola {firstName}:\n\nLos propietarios del grupo «{group}» no pudieron aprobar su solicitud. Motivo indicado:\n\n{reason}',
    },
  },
  group_message_received: {
    en: {
      subject: 'New message in {group}',
      body: 'Hello,\n\nA new message for you arrived in the group “{group}”. Sign in to read it:\n\n{link}',
    },
    fr: {
      subject: 'Nouveau message dans {group}',
      body: 'Bonjour,\n\nUn nouveau message vous est parvenu dans le groupe « {group} ». Connectez-vous pour le lire :\n\n{link}',
    },
    es: {
      subject: 'Nuevo mensaje en {group}',
      body: 'Hola:\n\nLe llegó un nuevo mensaje en el grupo «{group}». Inicie sesión para leerlo:\n\n{link}',
    },
  },
  group_alert_published: {
    en: {
      subject: 'New alert in {group}',
      body: 'Hello,\n\nA new alert was published in the library of the group “{group}”. Sign in to read it:\n\n{link}',
    },
    fr: {
      subject: 'Nouvelle alerte dans {group}',
      body: 'Bonjour,\n\nUne nouvelle alerte a été publiée dans la bibliothèque du groupe « {group} ». Connectez-vous pour la lire :\n\n{link}',
    },
    es: {
      subject: 'Nueva alerta en {group}',
      body: 'Hola:\n\nSe publicó una nueva alerta en la biblioteca del grupo «{group}». Inicie sesión para leerla:\n\n{link}',
    },
  },
  account_locked: {
    en: {
      subject: 'Your ITD Platform account is locked until {until}',
      body: 'Hello {firstName},\n\nAfter {failures} failed sign-ins from {addresses} network address(es) within an hour, your account is locked until {until} (UTC). Nobody signed in: the attempts were refused.\n\nIf these attempts were not yours, someone may be trying to guess your password. Once the lock ends, sign in and change your password, or choose a new one now with “Forgot your password?”:\n\n{link}\n\nIf it goes on, tell the Secretariat.',
    },
    fr: {
      subject: 'Votre compte ITD Platform est verrouillé jusqu’à {until}',
      body: 'Bonjour {firstName},\n\nAprès {failures} échecs de connexion depuis {addresses} adresse(s) réseau en une heure, votre compte est verrouillé jusqu’à {until} (UTC). Personne ne s’est connecté : les tentatives ont été refusées.\n\nSi ces tentatives ne venaient pas de vous, quelqu’un essaie peut-être de deviner votre mot de passe. À la fin du verrouillage, connectez-vous et changez votre mot de passe, ou choisissez-en un nouveau dès maintenant avec « Mot de passe oublié ? » :\n\n{link}\n\nSi cela continue, prévenez le Secrétariat.',
    },
    es: {
      subject: 'Su cuenta de ITD Platform está bloqueada hasta las {until}',
      body: 'Hola {firstName}:\n\nTras {failures} inicios de sesión fallidos desde {addresses} dirección(es) de red en una hora, su cuenta está bloqueada hasta las {until} (UTC). Nadie inició sesión: los intentos fueron rechazados.\n\nSi esos intentos no fueron suyos, alguien puede estar intentando adivinar su contraseña. Cuando termine el bloqueo, inicie sesión y cambie su contraseña, o elija una nueva ahora con «¿Olvidó su contraseña?»:\n\n{link}\n\nSi continúa, avise a la Secretaría.',
    },
  },
  // Permits (issue 16): the number and the status only, never the permit's contents.
  permit_marked: {
    en: {
      subject: 'Permit {number} of {party} reported {status}',
      body: 'Hello,\n\nPermit {number} issued by {party} was reported {status} on {on}. Every lookup of it now shows this in red. Sign in to the platform for details.',
    },
    fr: {
      subject: 'Permis {number} de {party} signalé : {status}',
      body: 'Bonjour,\n\nLe permis {number} délivré par {party} a été signalé ({status}) le {on}. Toute vérification de ce permis l’affiche désormais en rouge. Connectez-vous à la plateforme pour en savoir plus.',
    },
    es: {
      subject: 'Permiso {number} de {party} notificado: {status}',
      body: 'Hola:\n\nEl permiso {number} expedido por {party} fue notificado ({status}) el {on}. Toda verificación de este permiso lo muestra ahora en rojo. Inicie sesión en la plataforma para más detalles.',
    },
  },
  permit_stamps_marked: {
    en: {
      subject: 'Security stamps {from} to {to} of {party} reported {status}',
      body: 'Hello,\n\nThe blank permit security stamps {from} to {to} of {party} were reported {status} on {on}. Every lookup of a permit written on one of them now shows this in red. Sign in to the platform for details.',
    },
    fr: {
      subject: 'Timbres de sécurité {from} à {to} de {party} signalés : {status}',
      body: 'Bonjour,\n\nLes timbres de sécurité vierges {from} à {to} de {party} ont été signalés ({status}) le {on}. Toute vérification d’un permis établi sur l’un d’eux l’affiche désormais en rouge. Connectez-vous à la plateforme pour en savoir plus.',
    },
    es: {
      subject: 'Sellos de seguridad {from} a {to} de {party} notificados: {status}',
      body: 'Hola:\n\nLos sellos de seguridad en blanco {from} a {to} de {party} fueron notificados ({status}) el {on}. Toda verificación de un permiso extendido en uno de ellos lo muestra ahora en rojo. Inicie sesión en la plataforma para más detalles.',
    },
  },
  download_deletion_reminder: {
    en: {
      subject: 'Please delete ITD data you no longer need',
      body: 'Hello {firstName},\n\nOn {date} you downloaded ITD data ({rows} rows, export {exportId}). The terms of use ask you to delete it when it is no longer needed. Once every copy is deleted, please record it under My downloads:\n\n{link}',
    },
    fr: {
      subject: "Veuillez supprimer les données de l'ITD dont vous n'avez plus besoin",
      body: "Bonjour {firstName},\n\nLe {date}, vous avez téléchargé des données de l'ITD ({rows} lignes, export {exportId}). Les conditions d'utilisation vous demandent de les supprimer lorsqu'elles ne sont plus nécessaires. Une fois toutes les copies supprimées, veuillez le déclarer dans Mes téléchargements :\n\n{link}",
    },
    es: {
      subject: 'Elimine los datos del ITD que ya no necesite',
      body: 'Hola {firstName}:\n\nEl {date} descargó datos del ITD ({rows} filas, exportación {exportId}). Las condiciones de uso le piden eliminarlos cuando ya no los necesite. Una vez eliminadas todas las copias, declárelo en Mis descargas:\n\n{link}',
    },
  },
  ...DATA_OUT_TEMPLATES,
} satisfies Record<string, Record<Language, Template>>;

export type TemplateName = keyof typeof TEMPLATES;

export function renderMail(
  name: TemplateName,
  language: Language,
  params: Record<string, string | number>,
): Template {
  const template = TEMPLATES[name][language];
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
  return { subject: fill(template.subject), body: fill(template.body) + SIGNATURE[language] };
}
