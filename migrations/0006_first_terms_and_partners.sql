-- Why: a platform that opens needs its first terms of use (accepted at every sign-in, DESIGN §2) and
-- the organisations every installation has: the CITES Secretariat and the ICCWC partners. Later
-- versions of the terms are published by the Secretariat through the platform.

insert into organisations (name, kind) values
  ('CITES Secretariat', 'secretariat'),
  ('INTERPOL', 'iccwc'),
  ('United Nations Office on Drugs and Crime (UNODC)', 'iccwc'),
  ('World Customs Organization (WCO)', 'iccwc'),
  ('World Bank', 'iccwc');

insert into terms_versions (version, text_en, text_fr, text_es) values (1,
$en$Terms of use of ITD Platform — version 1

1. Purpose. Access is granted to you personally, as an official of an authorised body, for research and analysis on illegal trade in wild fauna and flora and for the enforcement work of your organisation. You may not use the platform or its data for any other purpose, nor share your access with anyone.

2. Ownership and consent. The data in the Illegal Trade Database belong to the Parties that reported them. You see only what each reporting Party agreed to share. You may not publish any data, even aggregated, without the written consent of every Party whose data it contains, obtained through the CITES Secretariat.

3. Care of the data. Keep any data you download on secure systems, protect it from unauthorised access, do not pass it on, and delete it as soon as you no longer need it for the purpose for which you obtained it.

4. Citation. When consent to publish has been given, cite the source as: "CITES Illegal Trade Database, [date accessed]", and state clearly any modification, selection or aggregation you applied to the data.

5. Translations. The platform is offered in English, French and Spanish. Data are shown as reported; translated labels and messages are provided for convenience and, in case of doubt, the English text prevails.

6. Monitoring and withdrawal. Your use is recorded in an audit log. The Secretariat may suspend or withdraw your access at any time, in particular in case of misuse or breach of these terms, and may inform your organisation and the Parties concerned.$en$,
$fr$Conditions d'utilisation d'ITD Platform — version 1

1. Objet. L'accès vous est accordé à titre personnel, en tant qu'agent d'un organisme autorisé, pour la recherche et l'analyse sur le commerce illégal de la faune et de la flore sauvages et pour le travail de lutte contre la fraude de votre organisation. Vous ne pouvez utiliser la plateforme ni ses données à aucune autre fin, ni partager votre accès avec quiconque.

2. Propriété et consentement. Les données de la base de données sur le commerce illégal appartiennent aux Parties qui les ont déclarées. Vous ne voyez que ce que chaque Partie déclarante a accepté de partager. Vous ne pouvez publier aucune donnée, même agrégée, sans le consentement écrit de chaque Partie dont elle contient les données, obtenu par l'intermédiaire du Secrétariat CITES.

3. Protection des données. Conservez les données téléchargées sur des systèmes sécurisés, protégez-les contre tout accès non autorisé, ne les transmettez pas et supprimez-les dès que vous n'en avez plus besoin pour l'objet pour lequel vous les avez obtenues.

4. Citation. Lorsque le consentement à la publication a été donné, citez la source ainsi : « CITES Illegal Trade Database, [date de consultation] », et indiquez clairement toute modification, sélection ou agrégation appliquée aux données.

5. Traductions. La plateforme est proposée en anglais, en français et en espagnol. Les données sont présentées telles qu'elles ont été déclarées ; les libellés et messages traduits sont fournis pour faciliter l'utilisation et, en cas de doute, le texte anglais prévaut.

6. Contrôle et retrait. Votre utilisation est enregistrée dans un journal d'audit. Le Secrétariat peut suspendre ou retirer votre accès à tout moment, notamment en cas d'utilisation abusive ou de manquement aux présentes conditions, et peut en informer votre organisation et les Parties concernées.$fr$,
$es$Condiciones de uso de ITD Platform — versión 1

1. Finalidad. El acceso se le concede a título personal, como funcionario de un organismo autorizado, para la investigación y el análisis del comercio ilegal de fauna y flora silvestres y para la labor de observancia de su organización. No puede utilizar la plataforma ni sus datos para ningún otro fin, ni compartir su acceso con nadie.

2. Propiedad y consentimiento. Los datos de la base de datos sobre el comercio ilegal pertenecen a las Partes que los comunicaron. Solo ve lo que cada Parte informante aceptó compartir. No puede publicar ningún dato, ni siquiera agregado, sin el consentimiento por escrito de cada Parte cuyos datos contenga, obtenido por conducto de la Secretaría CITES.

3. Custodia de los datos. Conserve los datos que descargue en sistemas seguros, protéjalos de todo acceso no autorizado, no los transmita y elimínelos en cuanto deje de necesitarlos para la finalidad para la que los obtuvo.

4. Cita. Cuando se haya dado el consentimiento para publicar, cite la fuente así: «CITES Illegal Trade Database, [fecha de consulta]», e indique claramente cualquier modificación, selección o agregación que haya aplicado a los datos.

5. Traducciones. La plataforma se ofrece en español, francés e inglés. Los datos se muestran tal como se comunicaron; las etiquetas y los mensajes traducidos se facilitan por comodidad y, en caso de duda, prevalece el texto en inglés.

6. Supervisión y retirada. Su uso queda registrado en un registro de auditoría. La Secretaría puede suspender o retirar su acceso en cualquier momento, en particular en caso de uso indebido o incumplimiento de estas condiciones, y puede informar a su organización y a las Partes interesadas.$es$);
