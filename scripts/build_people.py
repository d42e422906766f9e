"""Rebuild src/readout/data/kb/people.jsonl, orgs.jsonl and roles.jsonl from the tables below.

    .venv/bin/python scripts/build_people.py

People: (key, canonical German name, extra name variants, nationality, wikidata or None, roles) with
roles as (title, country-or-IGO, sector, start, end or None). Wikidata ids are given only for
figures whose id is certain; a wrong id is worse than none. Dates are from the public record;
where only the month is certain the first of that month is used (noted in `source`).
"""

from __future__ import annotations

import json
from pathlib import Path

KB = Path(__file__).resolve().parents[1] / "src" / "readout" / "data" / "kb"

P = "Präsident"
PM = "Premierminister"
FM = "Außenminister"
DM = "Verteidigungsminister"

PEOPLE = [
    ("putin", "Wladimir Putin", ["Putin", "Wladimir Wladimirowitsch Putin", "Vladimir Putin"], "RUS", "Q7747",
     [(P, "RUS", "GOV", "2000-05-07", "2008-05-07"), (PM, "RUS", "GOV", "2008-05-08", "2012-05-07"), (P, "RUS", "GOV", "2012-05-07", None)]),
    ("medvedev", "Dmitri Medwedew", ["Medwedew", "Dmitrij Medwedew", "Dmitry Medvedev", "Medvedev"], "RUS", None,
     [(P, "RUS", "GOV", "2008-05-07", "2012-05-07"), (PM, "RUS", "GOV", "2012-05-08", "2020-01-15"),
      ("Vizechef des Sicherheitsrats", "RUS", "GOV", "2020-01-16", None)]),
    ("mishustin", "Michail Mischustin", ["Mischustin", "Mikhail Mishustin"], "RUS", None, [(PM, "RUS", "GOV", "2020-01-16", None)]),
    ("lavrov", "Sergej Lawrow", ["Lawrow", "Sergei Lawrow", "Sergey Lavrov", "Lavrov"], "RUS", None, [(FM, "RUS", "GOV", "2004-03-09", None)]),
    ("peskov", "Dmitri Peskow", ["Peskow", "Dmitrij Peskow", "Dmitry Peskov", "Peskov"], "RUS", None,
     [("Sprecher des Präsidenten", "RUS", "GOV", "2012-05-22", None)]),
    ("ushakov", "Juri Uschakow", ["Uschakow", "Jurij Uschakow", "Juri Uschakow", "Yuri Ushakov", "Ushakov"], "RUS", None,
     [("Berater des Präsidenten", "RUS", "GOV", "2012-05-21", None)]),
    ("zakharova", "Maria Sacharowa", ["Sacharowa", "Marija Sacharowa", "Maria Zakharova", "Zakharova"], "RUS", None,
     [("Sprecherin des Außenministeriums", "RUS", "GOV", "2015-08-10", None)]),
    ("dmitriev", "Kirill Dmitrijew", ["Dmitrijew", "Kirill Dmitriev", "Dmitriev"], "RUS", None,
     [("Sondergesandter", "RUS", "GOV", "2025-02-23", None)]),
    ("medinsky", "Wladimir Medinski", ["Medinski", "Medinskij", "Wladimir Medinskij", "Vladimir Medinsky", "Medinsky", "Medinksi"], "RUS", None,
     [("Berater des Präsidenten", "RUS", "GOV", "2020-01-24", None)]),
    ("shoigu", "Sergei Schoigu", ["Schoigu", "Sergej Schoigu", "Sergei Shoigu", "Shoigu"], "RUS", None,
     [(DM, "RUS", "MIL", "2012-11-06", "2024-05-12"), ("Sekretär des Sicherheitsrats", "RUS", "GOV", "2024-05-12", None)]),
    ("belousov", "Andrei Beloussow", ["Beloussow", "Andrej Beloussow", "Andrei Belousov", "Belousov"], "RUS", None,
     [(DM, "RUS", "MIL", "2024-05-14", None)]),
    ("gerasimov", "Waleri Gerassimow", ["Gerassimow", "Valery Gerasimov", "Gerasimov"], "RUS", None,
     [("Generalstabschef", "RUS", "MIL", "2012-11-09", None)]),
    ("nebenzya", "Wassili Nebensja", ["Nebensja", "Vassily Nebenzya", "Nebenzya"], "RUS", None,
     [("UN-Botschafter", "RUS", "GOV", "2017-07-27", None)]),
    ("zelensky", "Wolodymyr Selenskyj", ["Selenskyj", "Selenskij", "Selenski", "Selenskyi", "Wolodymyr Selenskij", "Zelensky",
                                          "Zelenskyy", "Zelenskiy", "Volodymyr Zelensky", "Volodymyr Zelenskyy"], "UKR", "Q3881",
     [(P, "UKR", "GOV", "2019-05-20", None)]),
    ("poroshenko", "Petro Poroschenko", ["Poroschenko", "Petro Poroshenko", "Poroshenko"], "UKR", None, [(P, "UKR", "GOV", "2014-06-07", "2019-05-20")]),
    ("yermak", "Andrij Jermak", ["Jermak", "Andriy Yermak", "Yermak"], "UKR", None, [("Leiter des Präsidialamts", "UKR", "GOV", "2020-02-11", "2025-11-28")]),
    ("umerov", "Rustem Umerow", ["Umerow", "Rustem Umerov", "Umerov"], "UKR", None,
     [(DM, "UKR", "MIL", "2023-09-06", "2025-07-17"), ("Sekretär des Sicherheitsrats", "UKR", "GOV", "2025-07-17", None)]),
    ("kuleba", "Dmytro Kuleba", ["Kuleba", "Dmitro Kuleba"], "UKR", None, [(FM, "UKR", "GOV", "2020-03-04", "2024-09-05")]),
    ("sybiha", "Andrij Sybiha", ["Sybiha", "Andrii Sybiha", "Andriy Sybiha"], "UKR", None, [(FM, "UKR", "GOV", "2024-09-05", None)]),
    ("shmyhal", "Denys Schmyhal", ["Schmyhal", "Denys Shmyhal", "Shmyhal"], "UKR", None,
     [(PM, "UKR", "GOV", "2020-03-04", "2025-07-17"), (DM, "UKR", "MIL", "2025-07-17", None)]),
    ("svyrydenko", "Julija Swyrydenko", ["Swyrydenko", "Yulia Svyrydenko", "Svyrydenko"], "UKR", None, [("Regierungschefin", "UKR", "GOV", "2025-07-17", None)]),
    ("budanov", "Kyrylo Budanow", ["Budanow", "Kyrylo Budanov", "Budanov"], "UKR", None, [("Geheimdienstchef", "UKR", "MIL", "2020-08-05", None)]),
    ("syrskyi", "Olexander Syrskyj", ["Syrskyj", "Oleksandr Syrskyi", "Syrskyi"], "UKR", None, [("Oberbefehlshaber", "UKR", "MIL", "2024-02-08", None)]),
    ("trump", "Donald Trump", ["Trump", "Donald J. Trump", "Präsident Trump"], "USA", "Q22686",
     [(P, "USA", "GOV", "2017-01-20", "2021-01-20"), (P, "USA", "GOV", "2025-01-20", None)]),
    ("biden", "Joe Biden", ["Biden", "Joseph Biden", "Joseph R. Biden"], "USA", "Q6279",
     [("Vizepräsident", "USA", "GOV", "2009-01-20", "2017-01-20"), (P, "USA", "GOV", "2021-01-20", "2025-01-20")]),
    ("obama", "Barack Obama", ["Obama"], "USA", "Q76", [(P, "USA", "GOV", "2009-01-20", "2017-01-20")]),
    ("vance", "JD Vance", ["Vance", "J. D. Vance", "James David Vance"], "USA", None, [("Vizepräsident", "USA", "GOV", "2025-01-20", None)]),
    ("harris", "Kamala Harris", ["Harris"], "USA", None, [("Vizepräsidentin", "USA", "GOV", "2021-01-20", "2025-01-20")]),
    ("rubio", "Marco Rubio", ["Rubio"], "USA", None,
     [(FM, "USA", "GOV", "2025-01-21", None), ("Nationaler Sicherheitsberater", "USA", "GOV", "2025-05-01", None)]),
    ("blinken", "Antony Blinken", ["Blinken", "Tony Blinken"], "USA", None, [(FM, "USA", "GOV", "2021-01-26", "2025-01-20")]),
    ("pompeo", "Mike Pompeo", ["Pompeo"], "USA", None, [(FM, "USA", "GOV", "2018-04-26", "2021-01-20")]),
    ("tillerson", "Rex Tillerson", ["Tillerson"], "USA", None, [(FM, "USA", "GOV", "2017-02-01", "2018-03-31")]),
    ("kerry", "John Kerry", ["Kerry"], "USA", None, [(FM, "USA", "GOV", "2013-02-01", "2017-01-20")]),
    ("hegseth", "Pete Hegseth", ["Hegseth"], "USA", None, [(DM, "USA", "MIL", "2025-01-25", None)]),
    ("austin", "Lloyd Austin", ["Lloyd J. Austin"], "USA", None, [(DM, "USA", "MIL", "2021-01-22", "2025-01-20")]),
    ("witkoff", "Steve Witkoff", ["Witkoff", "Steven Witkoff"], "USA", None, [("Sondergesandter", "USA", "GOV", "2025-01-20", None)]),
    ("kellogg", "Keith Kellogg", ["Kellogg"], "USA", None, [("Sondergesandter für die Ukraine", "USA", "GOV", "2025-01-20", None)]),
    ("kushner", "Jared Kushner", ["Kushner"], "USA", None, [("Berater des Präsidenten", "USA", "GOV", "2017-01-20", "2021-01-20")]),
    ("waltz", "Mike Waltz", ["Waltz", "Michael Waltz"], "USA", None,
     [("Nationaler Sicherheitsberater", "USA", "GOV", "2025-01-20", "2025-05-01"), ("UN-Botschafter", "USA", "GOV", "2025-09-19", None)]),
    ("sullivan", "Jake Sullivan", ["Jake Sullivan"], "USA", None, [("Nationaler Sicherheitsberater", "USA", "GOV", "2021-01-20", "2025-01-20")]),
    ("leavitt", "Karoline Leavitt", ["Leavitt"], "USA", None, [("Sprecherin des Weißen Hauses", "USA", "GOV", "2025-01-20", None)]),
    ("bessent", "Scott Bessent", ["Bessent"], "USA", None, [("Finanzminister", "USA", "GOV", "2025-01-28", None)]),
    ("macron", "Emmanuel Macron", ["Macron"], "FRA", "Q3052772", [(P, "FRA", "GOV", "2017-05-14", None)]),
    ("barrot", "Jean-Noël Barrot", ["Barrot"], "FRA", None, [(FM, "FRA", "GOV", "2024-09-21", None)]),
    ("merkel", "Angela Merkel", ["Merkel"], "DEU", "Q567", [("Bundeskanzlerin", "DEU", "GOV", "2005-11-22", "2021-12-08")]),
    ("scholz", "Olaf Scholz", ["Scholz"], "DEU", "Q61053", [("Bundeskanzler", "DEU", "GOV", "2021-12-08", "2025-05-06")]),
    ("merz", "Friedrich Merz", ["Merz"], "DEU", None, [("Bundeskanzler", "DEU", "GOV", "2025-05-06", None)]),
    ("baerbock", "Annalena Baerbock", ["Baerbock"], "DEU", None,
     [(FM, "DEU", "GOV", "2021-12-08", "2025-05-06"), ("Präsidentin der UN-Generalversammlung", "UN", "IGO", "2025-09-09", None)]),
    ("wadephul", "Johann Wadephul", ["Wadephul"], "DEU", None, [(FM, "DEU", "GOV", "2025-05-06", None)]),
    ("pistorius", "Boris Pistorius", ["Pistorius"], "DEU", None, [(DM, "DEU", "MIL", "2023-01-19", None)]),
    ("steinmeier", "Frank-Walter Steinmeier", ["Steinmeier"], "DEU", None, [("Bundespräsident", "DEU", "GOV", "2017-03-19", None)]),
    ("heusgen", "Christoph Heusgen", ["Heusgen"], "DEU", None,
     [("Vorsitzender der Münchner Sicherheitskonferenz", "DEU", "GOV", "2022-02-21", "2025-02-16")]),
    ("starmer", "Keir Starmer", ["Starmer"], "GBR", None, [(PM, "GBR", "GOV", "2024-07-05", None)]),
    ("sunak", "Rishi Sunak", ["Sunak"], "GBR", None, [(PM, "GBR", "GOV", "2022-10-25", "2024-07-05")]),
    ("johnson", "Boris Johnson", ["Boris Johnson"], "GBR", None, [(PM, "GBR", "GOV", "2019-07-24", "2022-09-06")]),
    ("lammy", "David Lammy", ["Lammy"], "GBR", None, [(FM, "GBR", "GOV", "2024-07-05", "2025-09-05")]),
    ("cooper", "Yvette Cooper", ["Yvette Cooper"], "GBR", None, [(FM, "GBR", "GOV", "2025-09-05", None)]),
    ("meloni", "Giorgia Meloni", ["Meloni"], "ITA", None, [("Ministerpräsidentin", "ITA", "GOV", "2022-10-22", None)]),
    ("tusk", "Donald Tusk", ["Tusk"], "POL", None, [(PM, "POL", "GOV", "2023-12-13", None)]),
    ("sikorski", "Radosław Sikorski", ["Sikorski", "Radoslaw Sikorski"], "POL", None, [(FM, "POL", "GOV", "2023-12-13", None)]),
    ("duda", "Andrzej Duda", ["Duda"], "POL", None, [(P, "POL", "GOV", "2015-08-06", "2025-08-06")]),
    ("nawrocki", "Karol Nawrocki", ["Nawrocki"], "POL", None, [(P, "POL", "GOV", "2025-08-06", None)]),
    ("orban", "Viktor Orbán", ["Orbán", "Orban", "Viktor Orban"], "HUN", None, [(PM, "HUN", "GOV", "2010-05-29", None)]),
    ("szijjarto", "Péter Szijjártó", ["Szijjártó", "Szijjarto"], "HUN", None, [(FM, "HUN", "GOV", "2014-09-23", None)]),
    ("lukashenko", "Alexander Lukaschenko", ["Lukaschenko", "Alexander Lukashenko", "Lukashenko"], "BLR", None, [(P, "BLR", "GOV", "1994-07-20", None)]),
    ("stubb", "Alexander Stubb", ["Stubb"], "FIN", None, [(P, "FIN", "GOV", "2024-03-01", None)]),
    ("erdogan", "Recep Tayyip Erdoğan", ["Erdoğan", "Erdogan", "Recep Tayyip Erdogan"], "TUR", "Q39259",
     [(PM, "TUR", "GOV", "2003-03-14", "2014-08-28"), (P, "TUR", "GOV", "2014-08-28", None)]),
    ("fidan", "Hakan Fidan", ["Fidan"], "TUR", None, [(FM, "TUR", "GOV", "2023-06-04", None)]),
    ("xi", "Xi Jinping", ["Xi", "Staatschef Xi"], "CHN", "Q15031", [(P, "CHN", "GOV", "2013-03-14", None)]),
    ("wangyi", "Wang Yi", ["Wang Yi"], "CHN", None, [(FM, "CHN", "GOV", "2013-03-16", "2022-12-30"), (FM, "CHN", "GOV", "2023-07-25", None)]),
    ("liqiang", "Li Qiang", ["Li Qiang"], "CHN", None, [(PM, "CHN", "GOV", "2023-03-11", None)]),
    ("modi", "Narendra Modi", ["Modi"], "IND", "Q1058", [(PM, "IND", "GOV", "2014-05-26", None)]),
    ("jaishankar", "Subrahmanyam Jaishankar", ["Jaishankar", "S. Jaishankar"], "IND", None, [(FM, "IND", "GOV", "2019-05-30", None)]),
    ("sharif", "Shehbaz Sharif", ["Shehbaz Sharif", "Scharif"], "PAK", None, [(PM, "PAK", "GOV", "2024-03-04", None)]),
    ("munir", "Asim Munir", ["Asim Munir"], "PAK", None, [("Armeechef", "PAK", "MIL", "2022-11-29", None)]),
    ("netanyahu", "Benjamin Netanjahu", ["Netanjahu", "Netanyahu", "Benjamin Netanyahu"], "ISR", "Q43723",
     [(PM, "ISR", "GOV", "2009-03-31", "2021-06-13"), (PM, "ISR", "GOV", "2022-12-29", None)]),
    ("herzog", "Isaac Herzog", ["Jitzchak Herzog"], "ISR", None, [(P, "ISR", "GOV", "2021-07-07", None)]),
    ("katz", "Israel Katz", ["Katz"], "ISR", None, [(FM, "ISR", "GOV", "2024-01-02", "2024-11-05"), (DM, "ISR", "MIL", "2024-11-05", None)]),
    ("gallant", "Joav Galant", ["Galant", "Yoav Gallant", "Gallant"], "ISR", None, [(DM, "ISR", "MIL", "2022-12-29", "2024-11-05")]),
    ("saar", "Gideon Saar", ["Gideon Sa'ar"], "ISR", None, [(FM, "ISR", "GOV", "2024-11-05", None)]),
    ("abbas", "Mahmud Abbas", ["Abbas", "Mahmoud Abbas"], "PSE", None, [(P, "PSE", "GOV", "2005-01-15", None)]),
    ("khamenei", "Ali Chamenei", ["Chamenei", "Ali Khamenei", "Khamenei", "Ajatollah Chamenei"], "IRN", None,
     [("Oberster Führer", "IRN", "GOV", "1989-06-04", None)]),
    ("pezeshkian", "Massud Peseschkian", ["Peseschkian", "Masoud Pezeshkian", "Pezeshkian"], "IRN", None, [(P, "IRN", "GOV", "2024-07-28", None)]),
    ("raisi", "Ebrahim Raisi", ["Raisi"], "IRN", None, [(P, "IRN", "GOV", "2021-08-03", "2024-05-19")]),
    ("araghchi", "Abbas Araghtschi", ["Araghtschi", "Abbas Araghchi", "Araghchi"], "IRN", None, [(FM, "IRN", "GOV", "2024-08-21", None)]),
    ("mbs", "Mohammed bin Salman", ["bin Salman", "Kronprinz Mohammed bin Salman"], "SAU", None,
     [("Kronprinz", "SAU", "GOV", "2017-06-21", None), (PM, "SAU", "GOV", "2022-09-27", None)]),
    ("tamim", "Tamim bin Hamad Al Thani", ["Emir Tamim", "Tamim bin Hamad"], "QAT", None, [("Emir", "QAT", "GOV", "2013-06-25", None)]),
    ("sisi", "Abdel Fattah al-Sisi", ["al-Sisi", "Sisi", "Abdel Fattah el-Sisi"], "EGY", None, [(P, "EGY", "GOV", "2014-06-08", None)]),
    ("assad", "Baschar al-Assad", ["Assad", "al-Assad", "Bashar al-Assad"], "SYR", None, [(P, "SYR", "GOV", "2000-07-17", "2024-12-08")]),
    ("sharaa", "Ahmed al-Scharaa", ["al-Scharaa", "Ahmed al-Sharaa", "al-Sharaa"], "SYR", None, [(P, "SYR", "GOV", "2025-01-29", None)]),
    ("kimjongun", "Kim Jong Un", ["Kim Jong-un", "Kim Jong Un", "Machthaber Kim"], "PRK", None, [("Machthaber", "PRK", "GOV", "2011-12-17", None)]),
    ("leejaemyung", "Lee Jae Myung", ["Lee Jae-myung", "Lee Jae Myung"], "KOR", None, [(P, "KOR", "GOV", "2025-06-04", None)]),
    ("ishiba", "Shigeru Ishiba", ["Ishiba"], "JPN", None, [(PM, "JPN", "GOV", "2024-10-01", "2025-10-21")]),
    ("takaichi", "Sanae Takaichi", ["Takaichi"], "JPN", None, [("Premierministerin", "JPN", "GOV", "2025-10-21", None)]),
    ("lai", "Lai Ching-te", ["Lai Ching-te", "William Lai"], "TWN", None, [(P, "TWN", "GOV", "2024-05-20", None)]),
    ("lula", "Luiz Inácio Lula da Silva", ["Lula", "Lula da Silva"], "BRA", None, [(P, "BRA", "GOV", "2023-01-01", None)]),
    ("maduro", "Nicolás Maduro", ["Maduro", "Nicolas Maduro"], "VEN", None, [(P, "VEN", "GOV", "2013-04-19", None)]),
    ("carney", "Mark Carney", ["Carney"], "CAN", None, [(PM, "CAN", "GOV", "2025-03-14", None)]),
    ("trudeau", "Justin Trudeau", ["Trudeau"], "CAN", None, [(PM, "CAN", "GOV", "2015-11-04", "2025-03-14")]),
    ("aliyev", "Ilham Alijew", ["Alijew", "Ilham Aliyev", "Aliyev"], "AZE", None, [(P, "AZE", "GOV", "2003-10-31", None)]),
    ("pashinyan", "Nikol Paschinjan", ["Paschinjan", "Nikol Pashinyan", "Pashinyan"], "ARM", None, [(PM, "ARM", "GOV", "2018-05-08", None)]),
    ("burhan", "Abdel Fattah al-Burhan", ["al-Burhan", "Burhan"], "SDN", None, [("Armeechef", "SDN", "MIL", "2019-04-12", None)]),
    ("dagalo", "Mohamed Hamdan Daglo", ["Daglo", "Hemeti", "Hemedti"], "SDN", None, [("RSF-Anführer", "SDN", "REB", "2013-08-01", None)]),
    ("ramaphosa", "Cyril Ramaphosa", ["Ramaphosa"], "ZAF", None, [(P, "ZAF", "GOV", "2018-02-15", None)]),
    ("tshisekedi", "Félix Tshisekedi", ["Tshisekedi"], "COD", None, [(P, "COD", "GOV", "2019-01-24", None)]),
    ("kagame", "Paul Kagame", ["Kagame"], "RWA", None, [(P, "RWA", "GOV", "2000-04-22", None)]),
    ("stoltenberg", "Jens Stoltenberg", ["Stoltenberg"], "NOR", None,
     [("Generalsekretär", "NATO", "IGO", "2014-10-01", "2024-10-01"), ("Finanzminister", "NOR", "GOV", "2025-02-04", None)]),
    ("rutte", "Mark Rutte", ["Rutte"], "NLD", None, [(PM, "NLD", "GOV", "2010-10-14", "2024-07-02"), ("Generalsekretär", "NATO", "IGO", "2024-10-01", None)]),
    ("guterres", "António Guterres", ["Guterres", "Antonio Guterres"], "PRT", None, [("Generalsekretär", "UN", "IGO", "2017-01-01", None)]),
    ("vonderleyen", "Ursula von der Leyen", ["von der Leyen"], "DEU", None,
     [(DM, "DEU", "MIL", "2013-12-17", "2019-07-17"), ("Präsidentin der Europäischen Kommission", "EU", "IGO", "2019-12-01", None)]),
    ("kallas", "Kaja Kallas", ["Kallas"], "EST", None,
     [("Regierungschefin", "EST", "GOV", "2021-01-26", "2024-07-23"), ("Hohe Vertreterin", "EU", "IGO", "2024-12-01", None)]),
    ("borrell", "Josep Borrell", ["Borrell"], "ESP", None, [("Hoher Vertreter", "EU", "IGO", "2019-12-01", "2024-11-30")]),
    ("costa", "António Costa", ["António Costa", "Antonio Costa"], "PRT", None, [("Präsident des Europäischen Rates", "EU", "IGO", "2024-12-01", None)]),
    ("michel", "Charles Michel", ["Charles Michel"], "BEL", None, [("Präsident des Europäischen Rates", "EU", "IGO", "2019-12-01", "2024-11-30")]),
    ("grossi", "Rafael Grossi", ["Grossi", "Rafael Mariano Grossi"], "ARG", None, [("Generaldirektor", "IAEA", "IGO", "2019-12-03", None)]),
    ("sinwar", "Jahia al-Sinwar", ["Sinwar", "Yahya Sinwar"], "PSE", None, [("Hamas-Chef", "PSE", "REB", "2017-02-13", "2024-10-16")]),
    ("haniyeh", "Ismail Hanija", ["Hanija", "Ismail Haniyeh", "Haniyeh"], "PSE", None, [("Hamas-Chef", "PSE", "REB", "2017-05-06", "2024-07-31")]),
    ("nasrallah", "Hassan Nasrallah", ["Nasrallah"], "LBN", None, [("Hisbollah-Chef", "LBN", "REB", "1992-02-16", "2024-09-27")]),
    ("qassem", "Naim Kassem", ["Kassem", "Naim Qassem"], "LBN", None, [("Hisbollah-Chef", "LBN", "REB", "2024-10-29", None)]),
]

ORGS = [
    ("EU", "Europäische Union", ["EU", "Europäische Union", "Europäischen Union", "European Union", "Brüssel", "EU-Kommission",
                                  "Europäische Kommission", "Europäischen Kommission", "Europäischer Rat", "Europäischen Rat",
                                  "Europäischen Rates", "European Commission"], ["EU-"], "IGO"),
    ("NATO", "NATO", ["NATO", "Nato", "Nordatlantikpakt", "Nato-Staaten"], ["Nato-", "NATO-"], "IGO"),
    ("UN", "Vereinte Nationen", ["UN", "UNO", "Vereinte Nationen", "Vereinten Nationen", "United Nations", "UN-Sicherheitsrat",
                                 "UN-Vollversammlung", "UN-Generalversammlung"], ["UN-", "Uno-", "UNO-"], "IGO"),
    ("OSCE", "OSZE", ["OSZE", "OSCE"], ["OSZE-"], "IGO"),
    ("IAEA", "IAEA", ["IAEA", "IAEO", "Internationale Atomenergiebehörde", "Internationalen Atomenergiebehörde"], ["IAEA-"], "IGO"),
    ("G7", "G7", ["G7", "G-7"], ["G7-"], "IGO"),
    ("G20", "G20", ["G20", "G-20"], ["G20-"], "IGO"),
    ("BRICS", "BRICS", ["BRICS", "Brics"], ["BRICS-", "Brics-"], "IGO"),
    ("WHO", "WHO", ["WHO", "Weltgesundheitsorganisation"], [], "IGO"),
    ("IMF", "IWF", ["IWF", "IMF", "Internationaler Währungsfonds", "Internationalen Währungsfonds"], [], "IGO"),
    ("WB", "Weltbank", ["Weltbank", "World Bank"], [], "IGO"),
    ("ICC", "Internationaler Strafgerichtshof", ["IStGH", "ICC", "Internationaler Strafgerichtshof", "Internationalen Strafgerichtshof",
                                                  "Internationalen Strafgerichtshofs"], [], "IGO"),
    ("ICJ", "Internationaler Gerichtshof", ["IGH", "ICJ", "Internationaler Gerichtshof", "Internationalen Gerichtshof"], [], "IGO"),
    ("AL", "Arabische Liga", ["Arabische Liga", "Arabischen Liga", "Arab League"], [], "IGO"),
    ("AU", "Afrikanische Union", ["Afrikanische Union", "Afrikanischen Union", "African Union"], [], "IGO"),
    ("ASEAN", "ASEAN", ["ASEAN", "Asean"], [], "IGO"),
    ("OPEC", "OPEC", ["OPEC", "Opec", "Opec+"], [], "IGO"),
    ("ICRC", "Internationales Komitee vom Roten Kreuz", ["IKRK", "ICRC", "Rotes Kreuz", "Roten Kreuz", "Roten Kreuzes"], [], "NGO"),
]
# Non-state actors coded by the country they are of or fight in (PLOVER: REB, LEG, MED, ...)
GROUPS = [
    ("houthis", "Huthi", "YEM", "REB", ["Huthi", "Huthis", "Huthi-Miliz", "Huthi-Rebellen", "Houthi", "Houthis", "Ansar Allah"]),
    ("hamas", "Hamas", "PSE", "REB", ["Hamas", "Hamas-Kämpfer", "Hamas-Miliz"]),
    ("hezbollah", "Hisbollah", "LBN", "REB", ["Hisbollah", "Hisbollah-Miliz", "Hezbollah"]),
    ("taliban", "Taliban", "AFG", "GOV", ["Taliban"]),
    ("isis", "Islamischer Staat", "SYR", "REB", ["IS-Miliz", "Islamischer Staat", "Islamischen Staat", "Islamischen Staates", "ISIS", "Daesh"]),
    ("rsf", "RSF", "SDN", "REB", ["RSF", "Rapid Support Forces", "RSF-Miliz"]),
    ("m23", "M23", "COD", "REB", ["M23", "M23-Rebellen"]),
    ("wagner", "Wagner-Gruppe", "RUS", "MIL", ["Wagner-Gruppe", "Wagner-Söldner", "Gruppe Wagner"]),
    ("congress", "US-Kongress", "USA", "LEG", ["Kongress", "US-Kongress", "Congress", "Senat", "US-Senat", "Repräsentantenhaus"]),
    ("bundestag", "Bundestag", "DEU", "LEG", ["Bundestag", "Bundestags", "Bundestages"]),
    ("duma", "Staatsduma", "RUS", "LEG", ["Duma", "Staatsduma"]),
    ("rada", "Werchowna Rada", "UKR", "LEG", ["Rada", "Werchowna Rada"]),
    ("knesset", "Knesset", "ISR", "LEG", ["Knesset"]),
    ("tass", "TASS", "RUS", "MED", ["TASS", "Tass", "Nachrichtenagentur Tass", "Nachrichtenagentur TASS"]),
    ("ria", "RIA Nowosti", "RUS", "MED", ["RIA", "RIA Nowosti", "Ria Nowosti"]),
    ("xinhua", "Xinhua", "CHN", "MED", ["Xinhua"]),
    ("idf", "Israelische Armee", "ISR", "MIL", ["IDF", "israelische Armee", "israelischen Armee"]),
]
# Role phrases resolved to the office holder at the document date: (patterns, title, country-or-IGO)
ROLES = [
    (["US-Präsident", "US-Präsidenten", "US-Präsidents", "amerikanische Präsident", "amerikanischen Präsidenten",
      "Präsident der USA", "Präsidenten der USA", "Präsident der Vereinigten Staaten", "Präsidenten der Vereinigten Staaten",
      "US-Staatschef", "US-Staatschefs"], P, "USA"),
    (["Kremlchef", "Kremlchefs", "Kreml-Chef", "Kreml-Chefs", "russische Präsident", "russischen Präsidenten",
      "Präsident Russlands", "Präsidenten Russlands", "Kremlherr", "Kremlherrn"], P, "RUS"),
    (["ukrainische Präsident", "ukrainischen Präsidenten", "Präsident der Ukraine", "Präsidenten der Ukraine",
      "ukrainische Staatschef", "ukrainischen Staatschef", "ukrainischen Staatschefs"], P, "UKR"),
    (["französische Präsident", "französischen Präsidenten", "Präsident Frankreichs", "Präsidenten Frankreichs"], P, "FRA"),
    (["chinesische Staatschef", "chinesischen Staatschef", "chinesischen Staatschefs", "chinesische Präsident", "chinesischen Präsidenten"], P, "CHN"),
    (["türkische Präsident", "türkischen Präsidenten"], P, "TUR"),
    (["iranische Präsident", "iranischen Präsidenten"], P, "IRN"),
    (["Bundeskanzler", "Bundeskanzlers", "Kanzler", "Kanzlers"], "Bundeskanzler", "DEU"),
    (["Bundeskanzlerin"], "Bundeskanzlerin", "DEU"),
    (["britische Premierminister", "britischen Premierminister", "britischen Premierministers", "britische Premier", "britischen Premier"], PM, "GBR"),
    (["israelische Ministerpräsident", "israelischen Ministerpräsidenten", "israelische Regierungschef", "israelischen Regierungschef",
      "israelischen Regierungschefs"], PM, "ISR"),
    (["indische Premierminister", "indischen Premierminister", "indischen Premierministers"], PM, "IND"),
    (["ungarische Ministerpräsident", "ungarischen Ministerpräsidenten", "ungarische Regierungschef", "ungarischen Regierungschef"], PM, "HUN"),
    (["US-Außenminister", "US-Außenministers", "amerikanische Außenminister", "amerikanischen Außenminister", "Außenminister der USA"], FM, "USA"),
    (["russische Außenminister", "russischen Außenminister", "russischen Außenministers", "Außenminister Russlands"], FM, "RUS"),
    (["ukrainische Außenminister", "ukrainischen Außenminister", "ukrainischen Außenministers"], FM, "UKR"),
    (["Bundesaußenminister", "deutsche Außenminister", "deutschen Außenminister"], FM, "DEU"),
    (["chinesische Außenminister", "chinesischen Außenminister", "chinesischen Außenministers"], FM, "CHN"),
    (["iranische Außenminister", "iranischen Außenminister", "iranischen Außenministers"], FM, "IRN"),
    (["US-Verteidigungsminister", "Pentagon-Chef", "Pentagonchef"], DM, "USA"),
    (["russische Verteidigungsminister", "russischen Verteidigungsminister"], DM, "RUS"),
    (["israelische Verteidigungsminister", "israelischen Verteidigungsminister"], DM, "ISR"),
    (["Kremlsprecher", "Kremlsprechers", "Kreml-Sprecher", "Kreml-Sprechers", "Sprecher des Kremls", "Putins Sprecher", "Sprecher Putins"],
     "Sprecher des Präsidenten", "RUS"),
    (["Sprecherin des Weißen Hauses", "Regierungssprecherin des Weißen Hauses"], "Sprecherin des Weißen Hauses", "USA"),
    (["Putins Berater", "Putins außenpolitischer Berater", "Putins außenpolitischem Berater", "Putins außenpolitischen Berater",
      "Kremlberater", "Kreml-Berater"], "Berater des Präsidenten", "RUS"),
    (["US-Sondergesandte", "US-Sondergesandten", "Trumps Sondergesandter", "Trumps Sondergesandte", "Trumps Sondergesandten",
      "Trumps Sonderbeauftragter", "Trumps Sonderbeauftragte", "Trumps Sonderbeauftragten", "US-Sonderbeauftragte", "US-Sonderbeauftragten"],
     "Sondergesandter", "USA"),
    (["Nato-Generalsekretär", "NATO-Generalsekretär", "Nato-Generalsekretärs", "NATO-Generalsekretärs", "Generalsekretär der Nato"], "Generalsekretär", "NATO"),
    (["UN-Generalsekretär", "UN-Generalsekretärs", "Uno-Generalsekretär", "Generalsekretär der Vereinten Nationen"], "Generalsekretär", "UN"),
    (["EU-Kommissionspräsidentin", "Kommissionspräsidentin", "EU-Präsidentin", "Präsidentin der EU-Kommission"], "Präsidentin der Europäischen Kommission", "EU"),
    (["EU-Außenbeauftragte", "EU-Außenbeauftragten", "EU-Chefdiplomatin", "EU-Chefdiplomat"], "Hohe Vertreterin", "EU"),
]
IGO_CODES = {o[0] for o in ORGS}


def main() -> None:
    with (KB / "people.jsonl").open("w", encoding="utf-8") as f:
        for key, name, variants, nat, qid, roles in PEOPLE:
            names = sorted({name, *variants})
            # genitive forms of names that take -s in German ("Putins", "Selenskyjs")
            for n in list(names):
                last = n.split()[-1]
                if not last.endswith(("s", "z", "x", "ß")) and last[0].isupper():
                    names.append(n + "s")
            rs = []
            for title, where, sector, start, end in roles:
                r = {"title": title, "country": None if where in IGO_CODES else where,
                     "org": where if where in IGO_CODES else None, "sector": sector, "start": start, "end": end}
                rs.append(r)
            f.write(json.dumps({"id": f"person:{key}", "kind": "person", "name": name, "names": sorted(set(names)),
                                "nationality": nat, "wikidata": qid, "roles": rs,
                                "source": "public record; wikidata id only where certain"}, ensure_ascii=False) + "\n")
    with (KB / "orgs.jsonl").open("w", encoding="utf-8") as f:
        for code, name, names, prefixes, sector in ORGS:
            f.write(json.dumps({"id": f"org:{code}", "kind": "org", "org": code, "country": None, "name": name,
                                "names": names, "prefixes": prefixes, "sector": sector,
                                "source": "general knowledge"}, ensure_ascii=False) + "\n")
        for key, name, country, sector, names in GROUPS:
            f.write(json.dumps({"id": f"group:{key}", "kind": "org", "org": None, "country": country, "name": name,
                                "names": names, "prefixes": [], "sector": sector,
                                "source": "coded by the country it is of or fights in (SPEC: Houthis -> YEM/REB)"},
                               ensure_ascii=False) + "\n")
    with (KB / "roles.jsonl").open("w", encoding="utf-8") as f:
        for i, (patterns, title, where) in enumerate(ROLES):
            f.write(json.dumps({"id": f"role:{i:03d}", "patterns": patterns, "title": title,
                                "country": None if where in IGO_CODES else where,
                                "org": where if where in IGO_CODES else None}, ensure_ascii=False) + "\n")
    print(f"{len(PEOPLE)} people, {len(ORGS) + len(GROUPS)} organisations and groups, {len(ROLES)} role phrases")


if __name__ == "__main__":
    main()
