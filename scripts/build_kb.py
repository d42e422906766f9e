"""Rebuild src/readout/data/kb/states.jsonl from pycountry + babel (dev-time only) and the tables below.

    .venv/bin/pip install pycountry && .venv/bin/python scripts/build_kb.py

Names come from babel's German and English territory names; adjectives, demonyms, capitals
and seats of government used as metonyms are kept by hand in the tables below (babel and
pycountry have none of them). The product reads only the generated JSONL.
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

# German adjective stems (all inflections are generated) and demonyms; English adjectives.
ADJ = {
    "RUS": ("russisch", ["Russe", "Russen", "Russin", "Russinnen"], "Russian"),
    "UKR": ("ukrainisch", ["Ukrainer", "Ukrainern", "Ukrainerin", "Ukrainers"], "Ukrainian"),
    "USA": ("amerikanisch", ["Amerikaner", "Amerikanern", "Amerikanerin", "US-Amerikaner"], "American"),
    "DEU": ("deutsch", ["Deutsche", "Deutschen"], "German"),
    "FRA": ("französisch", ["Franzose", "Franzosen", "Französin"], "French"),
    "GBR": ("britisch", ["Brite", "Briten", "Britin"], "British"),
    "CHN": ("chinesisch", ["Chinese", "Chinesen", "Chinesin"], "Chinese"),
    "IND": ("indisch", ["Inder", "Indern", "Inderin"], "Indian"),
    "PAK": ("pakistanisch", ["Pakistaner", "Pakistanern"], "Pakistani"),
    "ISR": ("israelisch", ["Israeli", "Israelis"], "Israeli"),
    "PSE": ("palästinensisch", ["Palästinenser", "Palästinensern"], "Palestinian"),
    "IRN": ("iranisch", ["Iraner", "Iranern"], "Iranian"),
    "IRQ": ("irakisch", ["Iraker", "Irakern"], "Iraqi"),
    "SYR": ("syrisch", ["Syrer", "Syrern"], "Syrian"),
    "LBN": ("libanesisch", ["Libanese", "Libanesen"], "Lebanese"),
    "YEM": ("jemenitisch", ["Jemenit", "Jemeniten"], "Yemeni"),
    "SAU": ("saudisch", ["Saudi", "Saudis"], "Saudi"),
    "QAT": ("katarisch", ["Katarer"], "Qatari"),
    "ARE": ("emiratisch", ["Emirater"], "Emirati"),
    "TUR": ("türkisch", ["Türke", "Türken", "Türkin"], "Turkish"),
    "EGY": ("ägyptisch", ["Ägypter", "Ägyptern"], "Egyptian"),
    "JOR": ("jordanisch", ["Jordanier"], "Jordanian"),
    "ITA": ("italienisch", ["Italiener", "Italienern"], "Italian"),
    "ESP": ("spanisch", ["Spanier", "Spaniern"], "Spanish"),
    "POL": ("polnisch", ["Pole", "Polen", "Polin"], "Polish"),
    "HUN": ("ungarisch", ["Ungar", "Ungarn"], "Hungarian"),
    "BLR": ("belarussisch", ["Belarusse", "Belarussen"], "Belarusian"),
    "AUT": ("österreichisch", ["Österreicher", "Österreichern"], "Austrian"),
    "CHE": ("schweizerisch", ["Schweizer"], "Swiss"),
    "NLD": ("niederländisch", ["Niederländer"], "Dutch"),
    "BEL": ("belgisch", ["Belgier"], "Belgian"),
    "SWE": ("schwedisch", ["Schwede", "Schweden"], "Swedish"),
    "FIN": ("finnisch", ["Finne", "Finnen"], "Finnish"),
    "NOR": ("norwegisch", ["Norweger"], "Norwegian"),
    "DNK": ("dänisch", ["Däne", "Dänen"], "Danish"),
    "EST": ("estnisch", ["Este", "Esten"], "Estonian"),
    "LVA": ("lettisch", ["Lette", "Letten"], "Latvian"),
    "LTU": ("litauisch", ["Litauer"], "Lithuanian"),
    "CZE": ("tschechisch", ["Tscheche", "Tschechen"], "Czech"),
    "SVK": ("slowakisch", ["Slowake", "Slowaken"], "Slovak"),
    "ROU": ("rumänisch", ["Rumäne", "Rumänen"], "Romanian"),
    "MDA": ("moldauisch", ["Moldauer"], "Moldovan"),
    "GEO": ("georgisch", ["Georgier"], "Georgian"),
    "ARM": ("armenisch", ["Armenier"], "Armenian"),
    "AZE": ("aserbaidschanisch", ["Aserbaidschaner"], "Azerbaijani"),
    "KAZ": ("kasachisch", ["Kasache", "Kasachen"], "Kazakh"),
    "SRB": ("serbisch", ["Serbe", "Serben"], "Serbian"),
    "GRC": ("griechisch", ["Grieche", "Griechen"], "Greek"),
    "JPN": ("japanisch", ["Japaner", "Japanern"], "Japanese"),
    "KOR": ("südkoreanisch", ["Südkoreaner"], "South Korean"),
    "PRK": ("nordkoreanisch", ["Nordkoreaner"], "North Korean"),
    "TWN": ("taiwanisch", ["Taiwaner"], "Taiwanese"),
    "VNM": ("vietnamesisch", ["Vietnamese", "Vietnamesen"], "Vietnamese"),
    "AFG": ("afghanisch", ["Afghane", "Afghanen"], "Afghan"),
    "SDN": ("sudanesisch", ["Sudanese", "Sudanesen"], "Sudanese"),
    "ETH": ("äthiopisch", ["Äthiopier"], "Ethiopian"),
    "LBY": ("libysch", ["Libyer"], "Libyan"),
    "VEN": ("venezolanisch", ["Venezolaner"], "Venezuelan"),
    "BRA": ("brasilianisch", ["Brasilianer"], "Brazilian"),
    "MEX": ("mexikanisch", ["Mexikaner"], "Mexican"),
    "CAN": ("kanadisch", ["Kanadier"], "Canadian"),
    "CUB": ("kubanisch", ["Kubaner"], "Cuban"),
    "ARG": ("argentinisch", ["Argentinier"], "Argentinian"),
    "AUS": ("australisch", ["Australier"], "Australian"),
    "ZAF": ("südafrikanisch", ["Südafrikaner"], "South African"),
    "NGA": ("nigerianisch", ["Nigerianer"], "Nigerian"),
    "KEN": ("kenianisch", ["Kenianer"], "Kenyan"),
    "COD": ("kongolesisch", ["Kongolese", "Kongolesen"], "Congolese"),
    "RWA": ("ruandisch", ["Ruander"], "Rwandan"),
    "MAR": ("marokkanisch", ["Marokkaner"], "Moroccan"),
    "DZA": ("algerisch", ["Algerier"], "Algerian"),
    "TUN": ("tunesisch", ["Tunesier"], "Tunisian"),
    "IDN": ("indonesisch", ["Indonesier"], "Indonesian"),
    "THA": ("thailändisch", ["Thailänder"], "Thai"),
    "KHM": ("kambodschanisch", ["Kambodschaner"], "Cambodian"),
    "MMR": ("myanmarisch", [], "Myanmar"),
    "BGD": ("bangladeschisch", [], "Bangladeshi"),
    "IRL": ("irisch", ["Ire", "Iren"], "Irish"),
    "PRT": ("portugiesisch", ["Portugiese", "Portugiesen"], "Portuguese"),
    "HRV": ("kroatisch", ["Kroate", "Kroaten"], "Croatian"),
    "BIH": ("bosnisch", ["Bosnier"], "Bosnian"),
    "SVN": ("slowenisch", ["Slowene", "Slowenen"], "Slovenian"),
    "BGR": ("bulgarisch", ["Bulgare", "Bulgaren"], "Bulgarian"),
    "ALB": ("albanisch", ["Albaner"], "Albanian"),
    "XKX": ("kosovarisch", ["Kosovare", "Kosovaren"], "Kosovar"),
    "MNE": ("montenegrinisch", ["Montenegriner"], "Montenegrin"),
    "MKD": ("nordmazedonisch", ["Mazedonier"], "North Macedonian"),
    "OMN": ("omanisch", ["Omaner"], "Omani"),
    "KWT": ("kuwaitisch", ["Kuwaiter"], "Kuwaiti"),
    "BHR": ("bahrainisch", ["Bahrainer"], "Bahraini"),
    "VAT": ("vatikanisch", [], "Vatican"),
    "NZL": ("neuseeländisch", ["Neuseeländer"], "New Zealand"),
    "CHL": ("chilenisch", ["Chilene", "Chilenen"], "Chilean"),
    "COL": ("kolumbianisch", ["Kolumbianer"], "Colombian"),
    "SOM": ("somalisch", ["Somalier"], "Somali"),
    "MLI": ("malisch", ["Malier"], "Malian"),
    "NER": ("nigrisch", [], "Nigerien"),
    "UZB": ("usbekisch", ["Usbeke", "Usbeken"], "Uzbek"),
    "TJK": ("tadschikisch", [], "Tajik"),
    "KGZ": ("kirgisisch", [], "Kyrgyz"),
    "TKM": ("turkmenisch", [], "Turkmen"),
    "MNG": ("mongolisch", [], "Mongolian"),
    "PHL": ("philippinisch", [], "Philippine"),
    "MYS": ("malaysisch", [], "Malaysian"),
    "SGP": ("singapurisch", [], "Singaporean"),
    "LKA": ("sri-lankisch", [], "Sri Lankan"),
    "NPL": ("nepalesisch", [], "Nepalese"),
}
EXTRA_NAMES = {
    "USA": ["USA", "US", "U.S.", "Vereinigte Staaten", "Vereinigten Staaten", "Vereinigten Staaten von Amerika",
            "Amerika", "Amerikas", "United States", "America"],
    "GBR": ["Großbritannien", "Großbritanniens", "Vereinigtes Königreich", "Vereinigten Königreich", "Britain", "UK",
            "United Kingdom", "England"],
    "RUS": ["Russland", "Russlands", "Russische Föderation", "Russischen Föderation", "Russia"],
    "DEU": ["Deutschland", "Deutschlands", "Bundesrepublik", "Germany"],
    "PSE": ["Palästina", "Palästinensergebiete", "Palestine", "Westjordanland", "Gazastreifen", "Gaza"],
    "CZE": ["Tschechien", "Tschechische Republik"],
    "NLD": ["Niederlande", "Niederlanden", "Holland"],
    "CHE": ["Schweiz"], "TUR": ["Türkei", "Türkiye", "Turkey"], "IRN": ["Iran", "Irans", "Islamische Republik"],
    "KOR": ["Südkorea", "Südkoreas", "South Korea"], "PRK": ["Nordkorea", "Nordkoreas", "North Korea"],
    "TWN": ["Taiwan", "Taiwans"], "VAT": ["Vatikan", "Heiliger Stuhl", "Heiligen Stuhl", "Holy See"],
    "XKX": ["Kosovo"], "BLR": ["Belarus", "Weißrussland"], "MDA": ["Moldau", "Republik Moldau", "Moldova", "Moldawien"],
    "COD": ["Demokratische Republik Kongo", "DR Kongo", "Kongo-Kinshasa"], "COG": ["Republik Kongo", "Kongo-Brazzaville"],
    "CIV": ["Elfenbeinküste", "Côte d'Ivoire", "Côte d’Ivoire"], "MMR": ["Myanmar", "Birma"],
    "SAU": ["Saudi-Arabien", "Saudi-Arabiens", "Saudi Arabia"], "ARE": ["Vereinigte Arabische Emirate", "VAE", "Emirate"],
    "SYR": ["Syrien", "Syriens"], "ISR": ["Israel", "Israels"], "UKR": ["Ukraine", "Ukraines"],
    "CHN": ["China", "Chinas", "Volksrepublik China"], "IND": ["Indien", "Indiens", "India"],
    "MKD": ["Nordmazedonien"], "SWZ": ["Eswatini", "Swasiland"], "TLS": ["Osttimor", "Timor-Leste"],
}
CAPITALS = {
    "RUS": ["Moskau", "Moscow"], "UKR": ["Kiew", "Kyjiw", "Kyiv", "Kijew"], "USA": ["Washington"],
    "DEU": ["Berlin"], "FRA": ["Paris"], "GBR": ["London"], "CHN": ["Peking", "Beijing"], "IND": ["Neu-Delhi", "New Delhi"],
    "PAK": ["Islamabad"], "ISR": ["Jerusalem"], "IRN": ["Teheran", "Tehran"], "SYR": ["Damaskus", "Damascus"],
    "LBN": ["Beirut"], "YEM": ["Sanaa", "Sana'a"], "SAU": ["Riad", "Riyadh"], "QAT": ["Doha"], "TUR": ["Ankara"],
    "EGY": ["Kairo", "Cairo"], "JPN": ["Tokio", "Tokyo"], "KOR": ["Seoul"], "PRK": ["Pjöngjang", "Pyongyang"],
    "TWN": ["Taipeh", "Taipei"], "POL": ["Warschau", "Warsaw"], "HUN": ["Budapest"], "BLR": ["Minsk"],
    "ITA": ["Rom", "Rome"], "ESP": ["Madrid"], "AUT": ["Wien", "Vienna"], "CHE": ["Bern"], "BEL": ["Brüssel"],
    "IRQ": ["Bagdad", "Baghdad"], "AFG": ["Kabul"], "SDN": ["Khartum", "Khartoum"], "ETH": ["Addis Abeba"],
    "VEN": ["Caracas"], "CUB": ["Havanna"], "ARE": ["Abu Dhabi"], "JOR": ["Amman"], "GEO": ["Tiflis", "Tbilisi"],
    "ARM": ["Eriwan", "Jerewan", "Yerevan"], "AZE": ["Baku"], "KAZ": ["Astana"], "SRB": ["Belgrad"],
    "GRC": ["Athen"], "FIN": ["Helsinki"], "SWE": ["Stockholm"], "NOR": ["Oslo"], "DNK": ["Kopenhagen"],
    "EST": ["Tallinn"], "LVA": ["Riga"], "LTU": ["Vilnius", "Wilna"], "CAN": ["Ottawa"], "BRA": ["Brasília", "Brasilia"],
    "MEX": ["Mexiko-Stadt"], "AUS": ["Canberra"], "VNM": ["Hanoi"], "THA": ["Bangkok"], "MDA": ["Chișinău", "Chisinau"],
}
# Seats of government used as metonyms for the government; (name, sector)
SEATS = {
    "RUS": [("Kreml", "GOV"), ("Kremls", "GOV"), ("Kremlin", "GOV")],
    "USA": [("Weißes Haus", "GOV"), ("Weiße Haus", "GOV"), ("Weißen Haus", "GOV"), ("Weißen Hauses", "GOV"),
            ("White House", "GOV"), ("Pentagon", "MIL"), ("Pentagons", "MIL"), ("State Department", "GOV"),
            ("US-Regierung", "GOV"), ("Trump-Regierung", "GOV"), ("US-Administration", "GOV")],
    "FRA": [("Élysée", "GOV"), ("Elysée", "GOV"), ("Élysée-Palast", "GOV"), ("Elysée-Palast", "GOV"), ("Élysée-Palasts", "GOV")],
    "GBR": [("Downing Street", "GOV"), ("Whitehall", "GOV")],
    "DEU": [("Kanzleramt", "GOV"), ("Kanzleramts", "GOV"), ("Bundesregierung", "GOV"), ("Bundeswehr", "MIL"), ("Auswärtiges Amt", "GOV"),
            ("Auswärtigen Amt", "GOV"), ("Auswärtigen Amts", "GOV")],
    "UKR": [("Präsidialamt in Kiew", "GOV"), ("ukrainische Regierung", "GOV")],
    "CHN": [("Zhongnanhai", "GOV")],
    "ISR": [("Knesset", "LEG")],
    "VAT": [("Vatikan", "GOV")],
}


def adjective_forms(stem: str) -> list[str]:
    return [stem + e for e in ("e", "en", "er", "es", "em")]


def main() -> None:
    de, en = Locale("de"), Locale("en")
    rows = []
    for code in UN_MEMBERS + OTHERS:
        c = pycountry.countries.get(alpha_3=code)
        a2 = c.alpha_2 if c else {"XKX": "XK"}.get(code)
        name_de = de.territories.get(a2, c.name if c else code) if a2 else code
        name_en = en.territories.get(a2, c.name if c else code) if a2 else code
        names = {name_de, name_en, *EXTRA_NAMES.get(code, [])}
        if c is not None and getattr(c, "common_name", None):
            names.add(c.common_name)
        # German genitive of names that take -s ("Frankreichs", "Polens"); not for names in -s/-z/-x or feminine ones
        for n in list(names):
            if n == name_de and not n.endswith(("s", "z", "x", "ß", "e", "ei")) and " " not in n:
                names.add(n + "s")
        adj = ADJ.get(code)
        entry = {
            "id": f"state:{code}", "kind": "state", "country": code, "name_de": name_de, "name_en": name_en,
            "names": sorted(names),
            "adjectives": (adjective_forms(adj[0]) + [adj[2]]) if adj else [],
            "demonyms": adj[1] if adj else [],
            "capitals": CAPITALS.get(code, []),
            "seats": [{"name": n, "sector": s} for n, s in SEATS.get(code, [])],
            "source": "names: babel CLDR (de, en); adjectives, capitals, seats: hand-kept table in scripts/build_kb.py",
        }
        rows.append(entry)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} states to {OUT}")


if __name__ == "__main__":
    main()
