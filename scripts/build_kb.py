"""Rebuild src/readout/data/kb/states.jsonl from pycountry + babel (dev-time only) and the tables below.

    .venv/bin/pip install pycountry && .venv/bin/python scripts/build_kb.py

Names come from babel's German and English territory names; adjectives, demonyms, capitals
and seats of government used as metonyms are kept by hand in the tables below (babel and
pycountry have none of them). The product reads only the generated JSONL.

German adjectives are given as stems ("russisch"); the stem itself and every strong/weak
ending (-e, -en, -er, -es, -em) are written out, because the resolver matches exact surface
forms. Demonyms are given as the masculine singular and inflected by rule (see
``demonym_forms``); irregular ones are written out in full, separated by "/".
"""

from __future__ import annotations

import json
from pathlib import Path

import pycountry
from babel import Locale

OUT = Path(__file__).resolve().parents[1] / "src" / "readout" / "data" / "kb" / "states.jsonl"

UN_MEMBERS = """AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR
BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ
ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA
JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO
MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU
RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA
TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE""".split()
OTHERS = ["PSE", "VAT", "TWN", "XKX"]  # observers and states of disputed recognition

# code | German adjective stems | German demonyms (masc. sg.; "a/b/c" = irregular, written out) | English adjectives |
# English demonyms. Sources: the Auswärtiges Amt's and StAGN's lists of state names and adjectives as
# remembered (general knowledge); where a state has two current German adjectives both are given.
ADJ_TABLE = """
AFG | afghanisch | Afghane | Afghan | Afghans
ALB | albanisch | Albaner | Albanian | Albanians
DZA | algerisch | Algerier | Algerian | Algerians
AND | andorranisch | Andorraner | Andorran |
AGO | angolanisch | Angolaner | Angolan | Angolans
ATG | antiguanisch | Antiguaner | Antiguan |
ARG | argentinisch | Argentinier | Argentine, Argentinian | Argentines, Argentinians
ARM | armenisch | Armenier | Armenian | Armenians
AUS | australisch | Australier | Australian | Australians
AUT | österreichisch | Österreicher | Austrian | Austrians
AZE | aserbaidschanisch | Aserbaidschaner | Azerbaijani | Azerbaijanis
BHS | bahamaisch | Bahamaer | Bahamian |
BHR | bahrainisch | Bahrainer | Bahraini |
BGD | bangladeschisch | Bangladescher | Bangladeshi |
BRB | barbadisch | Barbadier | Barbadian |
BLR | belarussisch, weißrussisch | Belarusse, Weißrusse | Belarusian | Belarusians
BEL | belgisch | Belgier | Belgian | Belgians
BLZ | belizisch | Belizer | Belizean |
BEN | beninisch | Beniner | Beninese |
BTN | bhutanisch | Bhutaner | Bhutanese |
BOL | bolivianisch | Bolivianer | Bolivian |
BIH | bosnisch, bosnisch-herzegowinisch | Bosnier | Bosnian |
BWA | botsuanisch | Botsuaner | Botswanan |
BRA | brasilianisch | Brasilianer | Brazilian | Brazilians
BRN | bruneiisch | Bruneier | Bruneian |
BGR | bulgarisch | Bulgare | Bulgarian |
BFA | burkinisch | Burkiner | Burkinabe, Burkinabè |
BDI | burundisch | Burundier | Burundian |
CPV | cabo-verdisch, kap-verdisch, kapverdisch | Kap-Verdier, Cabo-Verdier | Cape Verdean |
KHM | kambodschanisch | Kambodschaner | Cambodian |
CMR | kamerunisch | Kameruner | Cameroonian |
CAN | kanadisch | Kanadier | Canadian | Canadians
CAF | zentralafrikanisch | Zentralafrikaner | Central African |
TCD | tschadisch | Tschader | Chadian |
CHL | chilenisch | Chilene | Chilean |
CHN | chinesisch | Chinese | Chinese |
COL | kolumbianisch | Kolumbianer | Colombian |
COM | komorisch | Komorer | Comorian |
COG | kongolesisch | | |
CRI | costa-ricanisch | Costa-Ricaner | Costa Rican |
CIV | ivorisch | Ivorer | Ivorian |
HRV | kroatisch | Kroate | Croatian |
CUB | kubanisch | Kubaner | Cuban | Cubans
CYP | zyprisch, zypriotisch | Zyprer, Zypriote | Cypriot |
CZE | tschechisch | Tscheche | Czech |
PRK | nordkoreanisch | Nordkoreaner | North Korean | North Koreans
COD | kongolesisch | Kongolese | Congolese |
DNK | dänisch | Däne | Danish |
DJI | dschibutisch | Dschibutier | Djiboutian |
DMA | dominicanisch | Dominicaner | |
DOM | dominikanisch | Dominikaner | Dominican |
ECU | ecuadorianisch | Ecuadorianer | Ecuadorian |
EGY | ägyptisch | Ägypter | Egyptian | Egyptians
SLV | salvadorianisch | Salvadorianer | Salvadoran |
GNQ | äquatorialguineisch | Äquatorialguineer | Equatorial Guinean |
ERI | eritreisch | Eritreer | Eritrean |
EST | estnisch | Este | Estonian |
SWZ | eswatinisch, swasiländisch | Swasi | Swazi |
ETH | äthiopisch | Äthiopier | Ethiopian | Ethiopians
FJI | fidschianisch | Fidschianer | Fijian |
FIN | finnisch | Finne | Finnish |
FRA | französisch | Franzose/Franzosen/Französin/Französinnen | French |
GAB | gabunisch | Gabuner | Gabonese |
GMB | gambisch | Gambier | Gambian |
GEO | georgisch | Georgier | Georgian | Georgians
DEU | deutsch, bundesdeutsch | Deutsche/Deutschen/Deutscher | German | Germans
GHA | ghanaisch | Ghanaer | Ghanaian |
GRC | griechisch | Grieche | Greek |
GRD | grenadisch | Grenader | Grenadian |
GTM | guatemaltekisch | Guatemalteke | Guatemalan |
GIN | guineisch | Guineer | Guinean |
GNB | guinea-bissauisch | Guinea-Bissauer | Bissau-Guinean |
GUY | guyanisch | Guyaner | Guyanese |
HTI | haitianisch | Haitianer | Haitian |
HND | honduranisch | Honduraner | Honduran |
HUN | ungarisch | Ungar/Ungarn/Ungarin/Ungarinnen | Hungarian |
ISL | isländisch | Isländer | Icelandic |
IND | indisch | Inder | Indian | Indians
IDN | indonesisch | Indonesier | Indonesian |
IRN | iranisch | Iraner | Iranian | Iranians
IRQ | irakisch | Iraker | Iraqi | Iraqis
IRL | irisch | Ire | Irish |
ISR | israelisch | Israeli | Israeli | Israelis
ITA | italienisch | Italiener | Italian | Italians
JAM | jamaikanisch | Jamaikaner | Jamaican |
JPN | japanisch | Japaner | Japanese |
JOR | jordanisch | Jordanier | Jordanian |
KAZ | kasachisch | Kasache | Kazakh |
KEN | kenianisch | Kenianer | Kenyan |
KIR | kiribatisch | Kiribatier | |
KWT | kuwaitisch | Kuwaiter | Kuwaiti |
KGZ | kirgisisch | Kirgise | Kyrgyz |
LAO | laotisch | Laote | Laotian |
LVA | lettisch | Lette | Latvian |
LBN | libanesisch | Libanese | Lebanese |
LSO | lesothisch | Lesother | Basotho |
LBR | liberianisch | Liberianer | Liberian |
LBY | libysch | Libyer | Libyan | Libyans
LIE | liechtensteinisch | Liechtensteiner | |
LTU | litauisch | Litauer | Lithuanian |
LUX | luxemburgisch | Luxemburger | Luxembourgish |
MDG | madagassisch | Madagasse | Malagasy |
MWI | malawisch | Malawier | Malawian |
MYS | malaysisch | Malaysier | Malaysian |
MDV | maledivisch | Malediver | Maldivian |
MLI | malisch | Malier | Malian |
MLT | maltesisch | | Maltese |
MHL | marshallisch | Marshaller | Marshallese |
MRT | mauretanisch | Mauretanier | Mauritanian |
MUS | mauritisch | Mauritier | Mauritian |
MEX | mexikanisch | Mexikaner | Mexican | Mexicans
FSM | mikronesisch | Mikronesier | Micronesian |
MCO | monegassisch | Monegasse | Monégasque, Monegasque |
MNG | mongolisch | Mongole | Mongolian |
MNE | montenegrinisch | Montenegriner | Montenegrin |
MAR | marokkanisch | Marokkaner | Moroccan |
MOZ | mosambikanisch | Mosambikaner | Mozambican |
MMR | myanmarisch, birmanisch | | Burmese |
NAM | namibisch | Namibier | Namibian |
NRU | nauruisch | Nauruer | Nauruan |
NPL | nepalesisch | Nepalese | Nepalese, Nepali |
NLD | niederländisch, holländisch | Niederländer, Holländer | Dutch |
NZL | neuseeländisch | Neuseeländer | |
NIC | nicaraguanisch | Nicaraguaner | Nicaraguan |
NER | nigrisch | Nigrer | Nigerien |
NGA | nigerianisch | Nigerianer | Nigerian |
MKD | nordmazedonisch, mazedonisch | Nordmazedonier, Mazedonier | North Macedonian, Macedonian |
NOR | norwegisch | Norweger | Norwegian |
OMN | omanisch | Omaner | Omani |
PAK | pakistanisch | Pakistaner | Pakistani | Pakistanis
PLW | palauisch | Palauer | Palauan |
PAN | panamaisch | Panamaer | Panamanian |
PNG | papua-neuguineisch | Papua-Neuguineer | Papua New Guinean |
PRY | paraguayisch | Paraguayer | Paraguayan |
PER | peruanisch | Peruaner | Peruvian |
PHL | philippinisch | Philippiner | Philippine, Filipino |
POL | polnisch | Pole | Polish |
PRT | portugiesisch | Portugiese | Portuguese |
QAT | katarisch | Katarer | Qatari |
KOR | südkoreanisch | Südkoreaner | South Korean | South Koreans
MDA | moldauisch, moldawisch | Moldauer | Moldovan |
ROU | rumänisch | Rumäne | Romanian |
RUS | russisch | Russe | Russian | Russians
RWA | ruandisch | Ruander | Rwandan |
KNA | kittitisch | | Kittitian |
LCA | lucianisch | Lucianer | Saint Lucian |
VCT | vincentisch | Vincenter | Vincentian |
WSM | samoanisch | Samoaner | Samoan |
SMR | san-marinesisch | San-Marinese | Sammarinese |
STP | são-toméisch | São-Toméer | |
SAU | saudisch, saudi-arabisch | Saudi, Saudi-Araber | Saudi |
SEN | senegalesisch | Senegalese | Senegalese |
SRB | serbisch | Serbe | Serbian | Serbians
SYC | seychellisch | Seycheller | Seychellois |
SLE | sierra-leonisch | Sierra-Leoner | Sierra Leonean |
SGP | singapurisch | Singapurer | Singaporean |
SVK | slowakisch | Slowake | Slovak |
SVN | slowenisch | Slowene | Slovenian |
SLB | salomonisch | Salomoner | |
SOM | somalisch | Somalier | Somali |
ZAF | südafrikanisch | Südafrikaner | South African |
SSD | südsudanesisch | Südsudanese | South Sudanese |
ESP | spanisch | Spanier | Spanish |
LKA | sri-lankisch | Sri-Lanker | Sri Lankan |
SDN | sudanesisch | Sudanese | Sudanese |
SUR | surinamisch | Surinamer | Surinamese |
SWE | schwedisch | Schwede | Swedish |
CHE | schweizerisch | Schweizer | Swiss |
SYR | syrisch | Syrer | Syrian | Syrians
TJK | tadschikisch | Tadschike | Tajik |
THA | thailändisch | Thailänder | Thai |
TLS | osttimoresisch, timoresisch | Osttimorese, Timorese | Timorese |
TGO | togoisch | Togoer | Togolese |
TON | tongaisch | Tongaer | Tongan |
TTO | trinidadisch | Trinidader | Trinidadian |
TUN | tunesisch | Tunesier | Tunisian |
TUR | türkisch | Türke | Turkish |
TKM | turkmenisch | Turkmene | Turkmen |
TUV | tuvaluisch | Tuvaluer | Tuvaluan |
UGA | ugandisch | Ugander | Ugandan |
UKR | ukrainisch | Ukrainer | Ukrainian | Ukrainians
ARE | emiratisch | Emirater | Emirati | Emiratis
GBR | britisch | Brite | British |
TZA | tansanisch | Tansanier | Tanzanian |
USA | amerikanisch, US-amerikanisch | Amerikaner, US-Amerikaner | American | Americans
URY | uruguayisch | Uruguayer | Uruguayan |
UZB | usbekisch | Usbeke | Uzbek |
VUT | vanuatuisch | Vanuatuer | |
VEN | venezolanisch | Venezolaner | Venezuelan | Venezuelans
VNM | vietnamesisch | Vietnamese | Vietnamese |
YEM | jemenitisch | Jemenit/Jemeniten/Jemenitin/Jemenitinnen | Yemeni | Yemenis
ZMB | sambisch | Sambier | Zambian |
ZWE | simbabwisch | Simbabwer | Zimbabwean |
PSE | palästinensisch | Palästinenser | Palestinian | Palestinians
VAT | vatikanisch | | Vatican |
TWN | taiwanisch, taiwanesisch | Taiwaner, Taiwanese | Taiwanese |
XKX | kosovarisch | Kosovare | Kosovar | Kosovars
"""
# Surface forms that two states share on purpose; the first state written wins in the resolver, so
# COD is written before COG ("kongolesisch" in the news is almost always the DR Congo).
WRITE_FIRST = {"COG": "COD"}

EXTRA_NAMES = {
    "USA": ["USA", "US", "U.S.", "Vereinigte Staaten", "Vereinigten Staaten", "Vereinigten Staaten von Amerika",
            "Amerika", "Amerikas", "United States", "America", "United States of America"],
    "GBR": ["Großbritannien", "Großbritanniens", "Vereinigtes Königreich", "Vereinigten Königreich", "Vereinigten Königreichs",
            "Britain", "Great Britain", "UK", "United Kingdom", "England"],
    "RUS": ["Russland", "Russlands", "Russische Föderation", "Russischen Föderation", "Russia"],
    "DEU": ["Deutschland", "Deutschlands", "Bundesrepublik", "Bundesrepublik Deutschland", "Germany"],
    "PSE": ["Palästina", "Palästinas", "Palästinensergebiete", "Palästinensergebieten", "Palestine", "Westjordanland",
            "Westjordanlands", "Gazastreifen", "Gazastreifens", "Gaza", "West Bank", "Gaza Strip", "Palestinian territories"],
    "CZE": ["Tschechien", "Tschechische Republik", "Czech Republic"],
    "NLD": ["Niederlande", "Niederlanden", "Holland", "Netherlands"],
    "CHE": ["Schweiz", "Switzerland"], "TUR": ["Türkei", "Türkiye", "Turkey"],
    "IRN": ["Iran", "Irans", "Islamische Republik", "Islamische Republik Iran", "Islamischen Republik"],
    "KOR": ["Südkorea", "Südkoreas", "South Korea", "Republik Korea"], "PRK": ["Nordkorea", "Nordkoreas", "North Korea"],
    "TWN": ["Taiwan", "Taiwans"], "VAT": ["Vatikan", "Vatikans", "Heiliger Stuhl", "Heiligen Stuhl", "Heiligen Stuhls", "Holy See"],
    "XKX": ["Kosovo", "Kosovos"], "BLR": ["Belarus", "Weißrussland", "Weißrusslands"],
    "MDA": ["Moldau", "Republik Moldau", "Moldova", "Moldawien", "Moldaus"],
    # wire services write "Congo" for the DR Congo and "Republic of Congo" for Congo-Brazzaville
    "COD": ["Demokratische Republik Kongo", "Demokratischen Republik Kongo", "DR Kongo", "Kongo-Kinshasa", "Kongo", "Kongos",
            "Ostkongo", "Ostkongos", "DR Congo", "DRC", "Democratic Republic of the Congo", "Democratic Republic of Congo",
            "Congo"],
    "COG": ["Republik Kongo", "Kongo-Brazzaville", "Republic of the Congo", "Republic of Congo", "Congo Republic",
            "Congo-Brazzaville"],
    "CIV": ["Elfenbeinküste", "Côte d'Ivoire", "Côte d’Ivoire", "Ivory Coast"], "MMR": ["Myanmar", "Myanmars", "Birma", "Burma"],
    "SAU": ["Saudi-Arabien", "Saudi-Arabiens", "Saudi Arabia"],
    "ARE": ["Vereinigte Arabische Emirate", "Vereinigten Arabischen Emirate", "Vereinigten Arabischen Emiraten", "VAE", "Emirate",
            "United Arab Emirates", "UAE"],
    "SYR": ["Syrien", "Syriens"], "ISR": ["Israel", "Israels"], "UKR": ["Ukraine"],
    "CHN": ["China", "Chinas", "Volksrepublik China"], "IND": ["Indien", "Indiens", "India"],
    "MKD": ["Nordmazedonien", "Nordmazedoniens", "Mazedonien"], "SWZ": ["Eswatini", "Swasiland"],
    "TLS": ["Osttimor", "Timor-Leste", "East Timor"], "CPV": ["Kap Verde", "Kapverden"], "BRN": ["Brunei"],
    "LBN": ["Libanon", "Libanons"], "YEM": ["Jemen", "Jemens"], "IRQ": ["Irak", "Iraks"], "SDN": ["Sudan", "Sudans"],
    "ESP": ["Spanien", "Spaniens"], "FRA": ["Frankreich", "Frankreichs"], "POL": ["Polen", "Polens"],
}
# Genitives that babel's names do not give by the simple rule and that must not be made from them
NO_GENITIVE = {"Island", "Malediven", "Komoren", "Salomonen", "Seychellen", "Marshallinseln", "Philippinen", "Ukraine"}

CAPITALS = {
    "AFG": ["Kabul"], "ALB": ["Tirana"], "DZA": ["Algier", "Algiers"], "AGO": ["Luanda"], "ARG": ["Buenos Aires"],
    "ARM": ["Eriwan", "Jerewan", "Yerevan"], "AUS": ["Canberra"], "AUT": ["Wien", "Vienna"], "AZE": ["Baku"],
    "BHR": ["Manama"], "BGD": ["Dhaka", "Dakka"], "BLR": ["Minsk"], "BEN": ["Porto-Novo"], "BTN": ["Thimphu"],
    "BOL": ["La Paz"], "BIH": ["Sarajevo"], "BWA": ["Gaborone"], "BRA": ["Brasília", "Brasilia"], "BFA": ["Ouagadougou"],
    "BDI": ["Gitega"], "KHM": ["Phnom Penh"], "CMR": ["Jaunde", "Yaoundé"], "CAN": ["Ottawa"], "CAF": ["Bangui"],
    "TCD": ["N'Djamena", "N’Djamena"], "CHL": ["Santiago de Chile"], "CHN": ["Peking", "Beijing"], "COL": ["Bogotá", "Bogota"],
    "COD": ["Kinshasa"], "COG": ["Brazzaville"], "CIV": ["Yamoussoukro", "Abidjan"], "HRV": ["Zagreb"],
    "CUB": ["Havanna", "Havana"], "CYP": ["Nikosia", "Nicosia"], "CZE": ["Prag", "Prague"], "PRK": ["Pjöngjang", "Pyongyang"],
    "DNK": ["Kopenhagen", "Copenhagen"], "DOM": ["Santo Domingo"], "ECU": ["Quito"], "EGY": ["Kairo", "Cairo"],
    "SLV": ["San Salvador"], "GNQ": ["Malabo"], "ERI": ["Asmara"], "EST": ["Tallinn"], "ETH": ["Addis Abeba", "Addis Ababa"],
    "FJI": ["Suva"], "FIN": ["Helsinki"], "FRA": ["Paris"], "GAB": ["Libreville"], "GMB": ["Banjul"], "GEO": ["Tiflis", "Tbilisi"],
    "DEU": ["Berlin"], "GHA": ["Accra"], "GRC": ["Athen", "Athens"], "GTM": ["Guatemala-Stadt"], "GIN": ["Conakry"],
    "GNB": ["Bissau"], "HTI": ["Port-au-Prince"], "HND": ["Tegucigalpa"], "HUN": ["Budapest"], "ISL": ["Reykjavík", "Reykjavik"],
    "IND": ["Neu-Delhi", "New Delhi"], "IDN": ["Jakarta"], "IRN": ["Teheran", "Tehran"], "IRQ": ["Bagdad", "Baghdad"],
    "ISR": ["Jerusalem"], "ITA": ["Rom", "Rome"], "JPN": ["Tokio", "Tokyo"], "JOR": ["Amman"], "KAZ": ["Astana"],
    "KEN": ["Nairobi"], "KGZ": ["Bischkek", "Bishkek"], "LAO": ["Vientiane"], "LVA": ["Riga"], "LBN": ["Beirut"],
    "LSO": ["Maseru"], "LBR": ["Monrovia"], "LBY": ["Tripolis"], "LTU": ["Vilnius", "Wilna"], "MDG": ["Antananarivo"],
    "MWI": ["Lilongwe"], "MYS": ["Kuala Lumpur"], "MLI": ["Bamako"], "MLT": ["Valletta"], "MRT": ["Nouakchott"],
    "MEX": ["Mexiko-Stadt", "Mexico City"], "MDA": ["Chișinău", "Chisinau", "Kischinau"], "MNG": ["Ulan-Bator", "Ulaanbaatar"],
    "MNE": ["Podgorica"], "MAR": ["Rabat"], "MOZ": ["Maputo"], "MMR": ["Naypyidaw", "Naypyitaw"], "NAM": ["Windhuk", "Windhoek"],
    "NPL": ["Kathmandu"], "NZL": ["Wellington"], "NIC": ["Managua"], "NER": ["Niamey"], "NGA": ["Abuja"], "MKD": ["Skopje"],
    "NOR": ["Oslo"], "OMN": ["Maskat", "Muscat"], "PAK": ["Islamabad"], "PAN": ["Panama-Stadt"], "PNG": ["Port Moresby"],
    "PRY": ["Asunción"], "PER": ["Lima"], "PHL": ["Manila"], "POL": ["Warschau", "Warsaw"], "PRT": ["Lissabon", "Lisbon"],
    "QAT": ["Doha"], "KOR": ["Seoul"], "ROU": ["Bukarest", "Bucharest"], "RUS": ["Moskau", "Moscow"], "RWA": ["Kigali"],
    "SAU": ["Riad", "Riyadh"], "SEN": ["Dakar"], "SRB": ["Belgrad", "Belgrade"], "SLE": ["Freetown"],
    "SVK": ["Bratislava", "Pressburg"], "SVN": ["Ljubljana", "Laibach"], "SOM": ["Mogadischu", "Mogadishu"], "ZAF": ["Pretoria"],
    "SSD": ["Juba"], "ESP": ["Madrid"], "LKA": ["Colombo"], "SDN": ["Khartum", "Khartoum", "Port Sudan"], "SUR": ["Paramaribo"],
    "SWE": ["Stockholm"], "CHE": ["Bern"], "SYR": ["Damaskus", "Damascus"], "TJK": ["Duschanbe", "Dushanbe"],
    "TZA": ["Dodoma"], "THA": ["Bangkok"], "TLS": ["Dili"], "TGO": ["Lomé"], "TUN": ["Tunis"], "TUR": ["Ankara"],
    "TKM": ["Aschgabat", "Ashgabat"], "UGA": ["Kampala"], "UKR": ["Kiew", "Kyjiw", "Kyiv", "Kijew", "Kiev"], "ARE": ["Abu Dhabi"],
    "GBR": ["London"], "USA": ["Washington"], "URY": ["Montevideo"], "UZB": ["Taschkent", "Tashkent"], "VEN": ["Caracas"],
    "VNM": ["Hanoi"], "YEM": ["Sanaa", "Sana'a", "Aden"], "ZMB": ["Lusaka"], "ZWE": ["Harare"], "PSE": ["Ramallah"],
    "TWN": ["Taipeh", "Taipei"], "XKX": ["Pristina", "Priština"],
}
# Genitives of capitals used as metonyms ("Moskaus Antwort", "Kiews Verbündete")
CAPITAL_GENITIVES = {
    "RUS": ["Moskaus"], "UKR": ["Kiews", "Kyjiws"], "USA": ["Washingtons"], "CHN": ["Pekings"], "DEU": ["Berlins"],
    "GBR": ["Londons"], "IRN": ["Teherans"], "ISR": ["Jerusalems"], "TUR": ["Ankaras"], "POL": ["Warschaus"],
    "HUN": ["Budapests"], "BLR": ["Minsks"], "ITA": ["Roms"], "EGY": ["Kairos"], "SAU": ["Riads"], "QAT": ["Dohas"],
    "LBN": ["Beiruts"], "IRQ": ["Bagdads"], "JPN": ["Tokios"], "KOR": ["Seouls"], "PRK": ["Pjöngjangs"], "TWN": ["Taipehs"],
    "AUT": ["Wiens"], "IND": ["Neu-Delhis"], "ARM": ["Eriwans"], "AZE": ["Bakus"]
}
# Seats of government used as metonyms for the government; (name, sector). "Brüssel" is not here:
# in the news it names the EU (orgs.jsonl), not Belgium.
SEATS = {
    "RUS": [("Kreml", "GOV"), ("Kremls", "GOV"), ("Kremlin", "GOV"),
            ("russische Außenministerium", "GOV"), ("russischen Außenministerium", "GOV"), ("russischen Außenministeriums", "GOV"),
            ("Außenministerium in Moskau", "GOV"), ("russische Verteidigungsministerium", "MIL"),
            ("russischen Verteidigungsministerium", "MIL"), ("russischen Verteidigungsministeriums", "MIL"),
            ("Verteidigungsministerium in Moskau", "MIL")],
    "USA": [("Weißes Haus", "GOV"), ("Weiße Haus", "GOV"), ("Weißen Haus", "GOV"), ("Weißen Hauses", "GOV"),
            ("White House", "GOV"), ("Oval Office", "GOV"), ("Pentagon", "MIL"), ("Pentagons", "MIL"),
            ("State Department", "GOV"), ("Department of State", "GOV"), ("Foggy Bottom", "GOV"),
            ("US-Außenministerium", "GOV"), ("US-Außenministeriums", "GOV"), ("amerikanische Außenministerium", "GOV"),
            ("amerikanischen Außenministeriums", "GOV"), ("US-Verteidigungsministerium", "MIL"),
            ("US-Verteidigungsministeriums", "MIL"), ("US-Kriegsministerium", "MIL"), ("US-Kriegsministeriums", "MIL"),
            ("US-Regierung", "GOV"), ("US-Regierungen", "GOV"), ("Trump-Regierung", "GOV"), ("Biden-Regierung", "GOV"),
            ("US-Administration", "GOV"), ("Trump-Administration", "GOV"), ("Biden-Administration", "GOV"),
            ("Kapitol", "LEG"), ("Kapitols", "LEG"), ("Capitol Hill", "LEG"),
            ("Treasury Department", "GOV"), ("Department of the Treasury", "GOV"), ("U.S. Treasury", "GOV"),
            ("US Treasury", "GOV"), ("Commerce Department", "GOV"), ("Justice Department", "GOV"),
            ("US-Finanzministerium", "GOV"), ("US-Finanzministeriums", "GOV"), ("US-Handelsministerium", "GOV"),
            ("US-Handelsministeriums", "GOV"), ("US-Justizministerium", "GOV"), ("US-Justizministeriums", "GOV")],
    "FRA": [("Élysée", "GOV"), ("Elysée", "GOV"), ("Elysee", "GOV"), ("Élysée-Palast", "GOV"), ("Elysée-Palast", "GOV"),
            ("Elysee-Palast", "GOV"), ("Élyséepalast", "GOV"), ("Elyseepalast", "GOV"), ("Élysée-Palasts", "GOV"),
            ("Elysée-Palasts", "GOV"), ("Élysée-Palastes", "GOV"), ("Quai d'Orsay", "GOV"), ("Quai d’Orsay", "GOV"),
            ("Matignon", "GOV")],
    "GBR": [("Downing Street", "GOV"), ("Whitehall", "GOV"), ("Foreign Office", "GOV")],
    "DEU": [("Kanzleramt", "GOV"), ("Kanzleramts", "GOV"), ("Bundeskanzleramt", "GOV"), ("Bundeskanzleramts", "GOV"),
            ("Bundesregierung", "GOV"), ("Bundeswehr", "MIL"), ("Bendlerblock", "MIL"), ("Bundesverteidigungsministerium", "MIL"),
            ("Bundesverteidigungsministeriums", "MIL"), ("Auswärtiges Amt", "GOV"), ("Auswärtigen Amt", "GOV"),
            ("Auswärtigen Amts", "GOV"), ("Auswärtigen Amtes", "GOV")],
    "UKR": [("Präsidialamt in Kiew", "GOV"), ("Präsidialamt in Kyjiw", "GOV"), ("ukrainische Präsidialamt", "GOV"),
            ("ukrainischen Präsidialamt", "GOV"), ("ukrainischen Präsidialamts", "GOV"), ("Bankowa", "GOV"), ("Bankova", "GOV"),
            ("ukrainische Regierung", "GOV"), ("ukrainische Verteidigungsministerium", "MIL"),
            ("ukrainischen Verteidigungsministeriums", "MIL"), ("ukrainische Außenministerium", "GOV"),
            ("ukrainischen Außenministeriums", "GOV")],
    "CHN": [("Zhongnanhai", "GOV"), ("chinesische Außenministerium", "GOV"), ("chinesischen Außenministeriums", "GOV")],
    "ISR": [("israelische Verteidigungsministerium", "MIL"), ("israelischen Verteidigungsministeriums", "MIL")],
    "IRN": [("iranische Außenministerium", "GOV"), ("iranischen Außenministeriums", "GOV")],
    "ITA": [("Palazzo Chigi", "GOV"), ("Farnesina", "GOV")],
    "ESP": [("Moncloa", "GOV")],
    "AUT": [("Ballhausplatz", "GOV")],
}


def adjective_forms(stem: str) -> list[str]:
    return [stem] + [stem + e for e in ("e", "en", "er", "es", "em")]


def demonym_forms(base: str) -> list[str]:
    """'Ukrainer' -> Ukrainer, Ukrainern, Ukrainers, Ukrainerin, Ukrainerinnen; 'Russe' -> Russe, Russen, Russin, ..."""
    if "/" in base:
        return base.split("/")
    if base.endswith("er"):
        return [base, base + "n", base + "s", base + "in", base + "innen"]
    if base.endswith("e"):
        return [base, base + "n", base[:-1] + "in", base[:-1] + "innen"]
    if base.endswith("i"):
        return [base, base + "s"]
    return [base]


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(",") if x.strip()]


def adjective_table() -> dict[str, tuple[list[str], list[str], list[str], list[str]]]:
    out = {}
    for line in ADJ_TABLE.strip().splitlines():
        code, stems, dems, en_adj, en_dem = (c.strip() for c in line.split("|"))
        out[code] = (_split(stems), _split(dems), _split(en_adj), _split(en_dem))
    return out


def _unique(xs: list[str]) -> list[str]:
    return list(dict.fromkeys(xs))


def main() -> None:
    de, en = Locale("de"), Locale("en")
    table = adjective_table()
    missing = [c for c in UN_MEMBERS + OTHERS if c not in table]
    if missing:
        raise SystemExit(f"no adjective row for {missing}")
    codes = UN_MEMBERS + OTHERS
    global ALL_NAMES
    ALL_NAMES = {n for names in EXTRA_NAMES.values() for n in names} | {
        de.territories.get(pycountry.countries.get(alpha_3=c).alpha_2, "") for c in codes if pycountry.countries.get(alpha_3=c)}
    for later, first in WRITE_FIRST.items():
        codes.remove(first)
        codes.insert(codes.index(later), first)
    rows = []
    claimed: set[str] = set()  # every name written so far; a generated region name never takes another's
    for code in codes:
        c = pycountry.countries.get(alpha_3=code)
        a2 = c.alpha_2 if c else {"XKX": "XK"}.get(code)
        name_de = de.territories.get(a2, c.name if c else code) if a2 else code
        name_en = en.territories.get(a2, c.name if c else code) if a2 else code
        names = {name_de, name_en, *EXTRA_NAMES.get(code, [])}
        if c is not None and getattr(c, "common_name", None):
            names.add(c.common_name)
        # German genitive of names that take -s ("Frankreichs", "Polens"); not for names in -s/-z/-x, feminine or plural ones
        if (not name_de.endswith(("s", "z", "x", "ß", "e", "ei")) and " " not in name_de and name_de not in NO_GENITIVE):
            names.add(name_de + "s")
        # German compass compounds name a region of the state ("Westukraine", "Nordsyriens"); the
        # states that carry such a name themselves (Nordkorea, Südsudan) keep it
        compass = ("Nord", "Süd", "Ost", "West", "Zentral", "Nordost", "Nordwest", "Südost", "Südwest")
        if " " not in name_de and "-" not in name_de and not name_de.startswith(compass):
            genitive = name_de + "s" in names
            for prefix in compass:
                region = prefix + name_de[0].lower() + name_de[1:]
                names.update(n for n in (region, region + "s" if genitive else region) if n not in ALL_NAMES)
        names -= claimed
        claimed.update(names)
        stems, dems, en_adj, en_dem = table[code]
        adjectives = _unique([f for s in stems for f in adjective_forms(s)] + en_adj)
        demonyms = _unique([f for d in dems for f in demonym_forms(d)] + en_dem)
        source = "names: babel CLDR (de, en); adjectives, demonyms, capitals, seats: hand-kept table in scripts/build_kb.py"
        if code in WRITE_FIRST or code in WRITE_FIRST.values():
            source += "; 'kongolesisch'/'Congolese' are shared by COD and COG and resolve to COD (written first)"
        entry = {
            "id": f"state:{code}", "kind": "state", "country": code, "name_de": name_de, "name_en": name_en,
            "names": sorted(names),
            "adjectives": adjectives,
            "demonyms": demonyms,
            "capitals": CAPITALS.get(code, []) + CAPITAL_GENITIVES.get(code, []),
            "seats": [{"name": n, "sector": s} for n, s in SEATS.get(code, [])],
            "source": source,
        }
        rows.append(entry)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} states to {OUT}")


ALL_NAMES: set[str] = set()


if __name__ == "__main__":
    main()
