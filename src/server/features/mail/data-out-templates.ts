/**
 * The e-mails of data going out under the terms of use (issue 14): access receipt summaries and consent to publish,
 * in the three languages. They say what happened and where to look, never what the records hold.
 */
import type { Language } from '../../../shared/languages.ts';

interface Template {
  subject: string;
  body: string;
}

export const DATA_OUT_TEMPLATES = {
  access_receipt_summary: {
    en: {
      subject: 'Who used your Party’s ITD records in {month}',
      body: 'Hello {firstName},\n\nIn {month}, {organisations} organisation(s) used the ITD records reported by {party}: {searched} record(s) shown in searches, {viewed} record view(s) and {downloaded} record(s) downloaded. The access receipts show which organisations, and when:\n\n{link}\n\nYou can turn this monthly summary off on that page.',
    },
    fr: {
      subject: 'Qui a utilisé les données de l’ITD de votre Partie en {month}',
      body: 'Bonjour {firstName},\n\nEn {month}, {organisations} organisation(s) ont utilisé les données de l’ITD communiquées par {party} : {searched} donnée(s) affichée(s) dans des recherches, {viewed} consultation(s) de fiche et {downloaded} donnée(s) téléchargée(s). Les accusés d’accès indiquent quelles organisations, et quand :\n\n{link}\n\nVous pouvez désactiver ce résumé mensuel sur cette page.',
    },
    es: {
      subject: 'Quién utilizó los datos del ITD de su Parte en {month}',
      body: 'Hola {firstName}:\n\nEn {month}, {organisations} organización(es) utilizaron los datos del ITD comunicados por {party}: {searched} registro(s) mostrado(s) en búsquedas, {viewed} consulta(s) de registro y {downloaded} registro(s) descargado(s). Los acuses de acceso indican qué organizaciones y cuándo:\n\n{link}\n\nPuede desactivar este resumen mensual en esa página.',
    },
  },
  publication_consent_requested: {
    en: {
      subject: 'Consent to publish ITD data of {party} requested',
      body: 'Hello {firstName},\n\n{organisation} asks for {party}’s consent to publish ITD data it reported: “{title}”. Please approve or refuse, with a comment, before {expires}:\n\n{link}',
    },
    fr: {
      subject: 'Demande de consentement à la publication de données de l’ITD de {party}',
      body: 'Bonjour {firstName},\n\n{organisation} demande le consentement de {party} pour publier des données de l’ITD qu’elle a communiquées : « {title} ». Veuillez approuver ou refuser, avec un commentaire, avant le {expires} :\n\n{link}',
    },
    es: {
      subject: 'Solicitud de consentimiento para publicar datos del ITD de {party}',
      body: 'Hola {firstName}:\n\n{organisation} solicita el consentimiento de {party} para publicar datos del ITD que comunicó: «{title}». Apruebe o rechace la solicitud, con un comentario, antes del {expires}:\n\n{link}',
    },
  },
  publication_consent_reminder: {
    en: {
      subject: 'Reminder: a request to publish ITD data of {party} awaits your answer',
      body: 'Hello {firstName},\n\nThe request of {organisation} to publish “{title}” still awaits {party}’s answer. It expires on {expires}:\n\n{link}',
    },
    fr: {
      subject: 'Rappel : une demande de publication de données de l’ITD de {party} attend votre réponse',
      body: 'Bonjour {firstName},\n\nLa demande de {organisation} de publier « {title} » attend toujours la réponse de {party}. Elle expire le {expires} :\n\n{link}',
    },
    es: {
      subject: 'Recordatorio: una solicitud de publicación de datos del ITD de {party} espera su respuesta',
      body: 'Hola {firstName}:\n\nLa solicitud de {organisation} de publicar «{title}» todavía espera la respuesta de {party}. Vence el {expires}:\n\n{link}',
    },
  },
  publication_refused: {
    en: {
      subject: 'Your request to publish “{title}” was refused',
      body: 'Hello {firstName},\n\n{party} refused its consent to publish “{title}”. The data may not be published. Its comment is on the request:\n\n{link}',
    },
    fr: {
      subject: 'Votre demande de publication de « {title} » a été refusée',
      body: 'Bonjour {firstName},\n\n{party} a refusé son consentement à la publication de « {title} ». Les données ne peuvent pas être publiées. Son commentaire figure sur la demande :\n\n{link}',
    },
    es: {
      subject: 'Su solicitud de publicar «{title}» fue rechazada',
      body: 'Hola {firstName}:\n\n{party} rechazó su consentimiento para publicar «{title}». Los datos no pueden publicarse. Su comentario figura en la solicitud:\n\n{link}',
    },
  },
  publication_filed: {
    en: {
      subject: 'Every Party consented to publish “{title}”',
      body: 'Hello {firstName},\n\nEvery Party concerned approved your request to publish “{title}”. The proof of consent has been filed with the Secretariat, and your consent certificate can be downloaded here:\n\n{link}',
    },
    fr: {
      subject: 'Toutes les Parties ont consenti à la publication de « {title} »',
      body: 'Bonjour {firstName},\n\nToutes les Parties concernées ont approuvé votre demande de publication de « {title} ». La preuve du consentement a été transmise au Secrétariat, et votre certificat de consentement peut être téléchargé ici :\n\n{link}',
    },
    es: {
      subject: 'Todas las Partes consintieron en publicar «{title}»',
      body: 'Hola {firstName}:\n\nTodas las Partes concernidas aprobaron su solicitud de publicar «{title}». La prueba del consentimiento se ha remitido a la Secretaría y puede descargar su certificado de consentimiento aquí:\n\n{link}',
    },
  },
  publication_expired: {
    en: {
      subject: 'Your request to publish “{title}” expired',
      body: 'Hello {firstName},\n\nNot every Party concerned answered your request to publish “{title}” in time, so it has expired. The data may not be published; you may make a new request:\n\n{link}',
    },
    fr: {
      subject: 'Votre demande de publication de « {title} » a expiré',
      body: 'Bonjour {firstName},\n\nToutes les Parties concernées n’ont pas répondu à temps à votre demande de publication de « {title} » : elle a expiré. Les données ne peuvent pas être publiées ; vous pouvez faire une nouvelle demande :\n\n{link}',
    },
    es: {
      subject: 'Su solicitud de publicar «{title}» venció',
      body: 'Hola {firstName}:\n\nNo todas las Partes concernidas respondieron a tiempo a su solicitud de publicar «{title}», por lo que venció. Los datos no pueden publicarse; puede presentar una nueva solicitud:\n\n{link}',
    },
  },
  publication_withdrawn: {
    en: {
      subject: 'A request to publish ITD data of {party} was withdrawn',
      body: 'Hello {firstName},\n\n{organisation} withdrew its request to publish “{title}”. {party} need not answer it any more:\n\n{link}',
    },
    fr: {
      subject: 'Une demande de publication de données de l’ITD de {party} a été retirée',
      body: 'Bonjour {firstName},\n\n{organisation} a retiré sa demande de publication de « {title} ». {party} n’a plus à y répondre :\n\n{link}',
    },
    es: {
      subject: 'Se retiró una solicitud de publicación de datos del ITD de {party}',
      body: 'Hola {firstName}:\n\n{organisation} retiró su solicitud de publicar «{title}». {party} ya no necesita responderla:\n\n{link}',
    },
  },
} satisfies Record<string, Record<Language, Template>>;
