/**
 * Country names beyond the reference table's ISO names: ISO 3166 alpha-3 codes, former names (read with a
 * warning), everyday names in EN/FR/ES ("Corée du Sud", "Costa de Marfil"), and demonyms in the three languages
 * for nationality columns. Data only; country-reader.ts reads it. Keys are compared after looseKey (no case,
 * accents or punctuation); feminine and plural demonyms are derived by country-reader.ts from the forms here.
 */

/** ISO 3166-1 alpha-3 → alpha-2. */
export const ALPHA3 =
  'AND AD ARE AE AFG AF ATG AG AIA AI ALB AL ARM AM AGO AO ATA AQ ARG AR ASM AS AUT AT AUS AU ABW AW ALA AX ' +
  'AZE AZ BIH BA BRB BB BGD BD BEL BE BFA BF BGR BG BHR BH BDI BI BEN BJ BLM BL BMU BM BRN BN BOL BO BES BQ ' +
  'BRA BR BHS BS BTN BT BVT BV BWA BW BLR BY BLZ BZ CAN CA CCK CC COD CD CAF CF COG CG CHE CH CIV CI COK CK ' +
  'CHL CL CMR CM CHN CN COL CO CRI CR CUB CU CPV CV CUW CW CXR CX CYP CY CZE CZ DEU DE DJI DJ DNK DK DMA DM ' +
  'DOM DO DZA DZ ECU EC EST EE EGY EG ESH EH ERI ER ESP ES ETH ET FIN FI FJI FJ FLK FK FSM FM FRO FO FRA FR ' +
  'GAB GA GBR GB GRD GD GEO GE GUF GF GGY GG GHA GH GIB GI GRL GL GMB GM GIN GN GLP GP GNQ GQ GRC GR SGS GS ' +
  'GTM GT GUM GU GNB GW GUY GY HKG HK HMD HM HND HN HRV HR HTI HT HUN HU IDN ID IRL IE ISR IL IMN IM IND IN ' +
  'IOT IO IRQ IQ IRN IR ISL IS ITA IT JEY JE JAM JM JOR JO JPN JP KEN KE KGZ KG KHM KH KIR KI COM KM KNA KN ' +
  'PRK KP KOR KR KWT KW CYM KY KAZ KZ LAO LA LBN LB LCA LC LIE LI LKA LK LBR LR LSO LS LTU LT LUX LU LVA LV ' +
  'LBY LY MAR MA MCO MC MDA MD MNE ME MAF MF MDG MG MHL MH MKD MK MLI ML MMR MM MNG MN MAC MO MNP MP MTQ MQ ' +
  'MRT MR MSR MS MLT MT MUS MU MDV MV MWI MW MEX MX MYS MY MOZ MZ NAM NA NCL NC NER NE NFK NF NGA NG NIC NI ' +
  'NLD NL NOR NO NPL NP NRU NR NIU NU NZL NZ OMN OM PAN PA PER PE PYF PF PNG PG PHL PH PAK PK POL PL SPM PM ' +
  'PCN PN PRI PR PSE PS PRT PT PLW PW PRY PY QAT QA REU RE ROU RO SRB RS RUS RU RWA RW SAU SA SLB SB SYC SC ' +
  'SDN SD SWE SE SGP SG SHN SH SVN SI SJM SJ SVK SK SLE SL SMR SM SEN SN SOM SO SUR SR SSD SS STP ST SLV SV ' +
  'SXM SX SYR SY SWZ SZ TCA TC TCD TD ATF TF TGO TG THA TH TJK TJ TKL TK TLS TL TKM TM TUN TN TON TO TUR TR ' +
  'TTO TT TUV TV TWN TW TZA TZ UKR UA UGA UG UMI UM USA US URY UY UZB UZ VAT VA VCT VC VEN VE VGB VG VIR VI ' +
  'VNM VN VUT VU WLF WF WSM WS YEM YE MYT YT ZAF ZA ZMB ZM ZWE ZW';

/** Names a country no longer uses: read, with the warning country_former_name. */
export const FORMER_NAMES: Record<string, string> = {
  zaire: 'CD',
  burma: 'MM',
  birmanie: 'MM',
  birmania: 'MM',
  swaziland: 'SZ',
  swazilandia: 'SZ',
  ceylon: 'LK',
  rhodesia: 'ZW',
  'southern rhodesia': 'ZW',
  'northern rhodesia': 'ZM',
  dahomey: 'BJ',
  'upper volta': 'BF',
  'haute volta': 'BF',
  siam: 'TH',
  persia: 'IR',
  kampuchea: 'KH',
  'east pakistan': 'BD',
  formosa: 'TW',
  bechuanaland: 'BW',
  tanganyika: 'TZ',
  basutoland: 'LS',
  nyasaland: 'MW',
  'gold coast': 'GH',
  macedonia: 'MK',
  'former yugoslav republic of macedonia': 'MK',
  fyrom: 'MK',
};

/** Everyday and ISO-style names the reference table lacks (the reader also tries "X, Republic of" inverted). */
export const MORE_NAMES: Record<string, string> = {
  'hong kong sar china': 'HK',
  'hong kong china': 'HK',
  'china hong kong sar': 'HK',
  'chine hong kong': 'HK',
  'macao sar china': 'MO',
  'macau sar china': 'MO',
  'china macao sar': 'MO',
  'islamic republic of iran': 'IR',
  'united republic of tanzania': 'TZ',
  'plurinational state of bolivia': 'BO',
  'bolivarian republic of venezuela': 'VE',
  'republic of moldova': 'MD',
  'federated states of micronesia': 'FM',
  'democratic people s republic of korea': 'KP',
  'province of china taiwan': 'TW',
  'taiwan province of china': 'TW',
  'coree du sud': 'KR',
  'coree du nord': 'KP',
  'corea del sur': 'KR',
  'corea del norte': 'KP',
  'republique democratique du congo': 'CD',
  'republica democratica del congo': 'CD',
  'rd du congo': 'CD',
  'costa de marfil': 'CI',
  'cote d ivoire': 'CI',
  turquie: 'TR',
  turquia: 'TR',
  'emirats arabes unis': 'AE',
  'emiratos arabes unidos': 'AE',
  'etats unis d amerique': 'US',
  'estados unidos de america': 'US',
  laos: 'LA',
  vietnam: 'VN',
  chine: 'CN',
};

/**
 * Demonyms: code, then EN / FR / ES masculine singular forms (several separated by ","). The reader adds the
 * feminine and plural forms (chinoise, vietnamienne, vietnamita stays, marroquí → marroquíes).
 */
export const DEMONYMS = `
AE|Emirati,UAE national|émirati,émirien|emiratí
AF|Afghan|afghan|afgano
AO|Angolan|angolais|angoleño
AR|Argentine,Argentinian|argentin|argentino
AU|Australian|australien|australiano
BD|Bangladeshi|bangladais|bangladesí
BE|Belgian|belge|belga
BF|Burkinabe,Burkinabé|burkinabé|burkinés
BJ|Beninese|béninois|beninés
BO|Bolivian|bolivien|boliviano
BR|Brazilian|brésilien|brasileño
BW|Motswana,Batswana,Botswanan|botswanais|botsuano
CA|Canadian|canadien|canadiense
CD|Congolese (DRC)|congolais (RDC)|congoleño (RDC)
CF|Central African|centrafricain|centroafricano
CG|Congolese|congolais|congoleño
CI|Ivorian,Ivoirian|ivoirien|marfileño
CM|Cameroonian|camerounais|camerunés
CN|Chinese|chinois|chino
CO|Colombian|colombien|colombiano
CZ|Czech|tchèque|checo
DE|German|allemand|alemán
DZ|Algerian|algérien|argelino
EC|Ecuadorian,Ecuadorean|équatorien|ecuatoriano
EG|Egyptian|égyptien|egipcio
ES|Spanish,Spaniard|espagnol|español
ET|Ethiopian|éthiopien|etíope
FR|French|français|francés
GA|Gabonese|gabonais|gabonés
GB|British,UK national|britannique|británico
GH|Ghanaian|ghanéen|ghanés
GN|Guinean|guinéen|guineano
GQ|Equatoguinean,Equatorial Guinean|équatoguinéen|ecuatoguineano
GW|Bissau-Guinean|bissaoguinéen|bisauguineano
GY|Guyanese|guyanien|guyanés
HK|Hong Konger,Hongkonger|hongkongais|hongkonés
ID|Indonesian|indonésien|indonesio
IN|Indian|indien|indio,hindú
IR|Iranian|iranien|iraní
IT|Italian|italien|italiano
JP|Japanese|japonais|japonés
KE|Kenyan|kényan,kenyan|keniano,keniata
KH|Cambodian|cambodgien|camboyano
KR|South Korean,Korean|sud-coréen,coréen|surcoreano,coreano
LA|Lao,Laotian|laotien|laosiano
LK|Sri Lankan|sri-lankais|esrilanqués,ceilanés
LR|Liberian|libérien|liberiano
MA|Moroccan|marocain|marroquí
MG|Malagasy|malgache|malgache
ML|Malian|malien|maliense
MM|Burmese,Myanmar national|birman|birmano
MO|Macanese|macanais|macaense
MW|Malawian|malawite,malawien|malauí
MX|Mexican|mexicain|mexicano
MY|Malaysian|malaisien,malaysien|malasio
MZ|Mozambican|mozambicain|mozambiqueño
NA|Namibian|namibien|namibio
NE|Nigerien|nigérien|nigerino
NG|Nigerian|nigérian|nigeriano
NL|Dutch|néerlandais|neerlandés
NP|Nepalese,Nepali|népalais|nepalí
PE|Peruvian|péruvien|peruano
PH|Filipino,Philippine|philippin|filipino
PK|Pakistani|pakistanais|pakistaní
PT|Portuguese|portugais|portugués
QA|Qatari|qatarien|catarí
RU|Russian|russe|ruso
RW|Rwandan|rwandais|ruandés
SA|Saudi,Saudi Arabian|saoudien|saudí
SD|Sudanese|soudanais|sudanés
SG|Singaporean|singapourien|singapurense
SL|Sierra Leonean|sierra-léonais|sierraleonés
SN|Senegalese|sénégalais|senegalés
SO|Somali|somalien|somalí
SS|South Sudanese|sud-soudanais|sursudanés
TD|Chadian|tchadien|chadiano
TG|Togolese|togolais|togolés
TH|Thai|thaïlandais|tailandés
TR|Turkish|turc,turque|turco
TW|Taiwanese|taïwanais|taiwanés
TZ|Tanzanian|tanzanien|tanzano
UG|Ugandan|ougandais|ugandés
US|American,US national|américain|estadounidense,norteamericano
VN|Vietnamese|vietnamien|vietnamita
YE|Yemeni|yéménite|yemení
ZA|South African|sud-africain|sudafricano
ZM|Zambian|zambien|zambiano
ZW|Zimbabwean|zimbabwéen|zimbabuense
`;
