"""Write the sample data folder: the real structure of Uttar Pradesh police and districts, made-up marks.

The marks are random but deterministic, shaped like the real reports (most stations on full marks, a tail
below), and forced where the press reported a fact, so that the built site reproduces those facts (SEED_FACTS,
SEED_COUNTS; each is checked against the ranking rules before anything is written).

    python scripts/make_sample_data.py [FOLDER]      (default: data)
"""

import csv
import random
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

# Facts from the seed reports, as (series, month, unit, marks, max_marks or None, rank).
SEED_FACTS = [
    ("police", "2024-12", "kanpur-commissionerate", 120, 125, 73),
    ("police", "2024-11", "kanpur-commissionerate", None, None, 50),
    ("police", "2023-09", "kanpur-commissionerate", 123, 125, 45),
    ("police", "2023-08", "kanpur-commissionerate", None, None, 62),
    ("police", "2023-07", "kanpur-commissionerate", None, None, 52),
    ("police", "2024-12", "kanpur-commissionerate-chaubepur", 75.56, 90, None),
    ("police", "2023-09", "kanpur-commissionerate-beconganj", None, None, 1545),
    ("police", "2024-11", "kanpur-zone", None, None, 1),
    ("police", "2024-11", "kanpur-range", None, None, 1),
    ("police", "2024-11", "jhansi-range", None, None, 1),
    ("police", "2024-11", "kanpur-dehat", None, None, 1),
    ("police", "2024-11", "etawah", None, None, 1),
    ("police", "2024-11", "farrukhabad", None, None, 1),
    ("police", "2024-11", "jalaun", None, None, 1),
    ("police", "2024-11", "lalitpur", None, None, 1),
    ("district-admin", "2024-12", "kanpur-nagar", 115, 130, 49),
    ("district-admin", "2024-11", "kanpur-nagar", None, None, 74),
    ("district-admin", "2023-09", "kanpur-nagar", 126, 130, 32),
    ("district-admin", "2023-08", "kanpur-nagar", None, None, 48),
    ("district-admin", "2023-07", "kanpur-nagar", None, None, 52),
    ("district-admin", "2023-05", "kanpur-nagar", None, None, 75),
]
# (series, month, parent unit, level of its descendants, how many at rank 1, how many ranked)
SEED_COUNTS = [
    ("police", "2024-12", "kanpur-commissionerate", "station", 48, 52),
    ("police", "2023-09", "kanpur-commissionerate", "station", 32, 50),
    ("police", "2024-11", "kanpur-zone", "station", 125, 139),
]
# (series, year, unit, months at rank 1, months ranked)
SEED_YEARS = [("police", 2024, "kanpur-zone", 7, 8)]
KANPUR_NAGAR_DEC_2024 = dict(complaints_received=676, complaints_disposed=492, feedback_total=4003,
                             feedback_unsatisfied=2420)

ZONES = {  # zone: {range: [districts]}
    "agra": {"agra": ["firozabad", "mainpuri", "mathura"], "aligarh": ["aligarh", "etah", "hathras", "kasganj"]},
    "bareilly": {"bareilly": ["bareilly", "budaun", "pilibhit", "shahjahanpur"],
                 "moradabad": ["moradabad", "bijnor", "rampur", "amroha", "sambhal"]},
    "gorakhpur": {"gorakhpur": ["gorakhpur", "deoria", "kushinagar", "maharajganj"],
                  "basti": ["basti", "sant-kabir-nagar", "siddharthnagar"]},
    "lucknow": {"lucknow": ["unnao", "raebareli", "sitapur", "hardoi", "lakhimpur-kheri"],
                "ayodhya": ["ayodhya", "sultanpur", "amethi", "barabanki", "ambedkar-nagar"],
                "devipatan": ["gonda", "bahraich", "balrampur", "shravasti"]},
    "kanpur": {"kanpur": ["kanpur-dehat", "etawah", "farrukhabad", "auraiya", "kannauj"],
               "jhansi": ["jhansi", "jalaun", "lalitpur"]},
    "prayagraj": {"prayagraj": ["fatehpur", "kaushambi", "pratapgarh"],
                  "chitrakoot-dham": ["banda", "chitrakoot", "hamirpur", "mahoba"]},
    "varanasi": {"varanasi": ["ghazipur", "jaunpur", "chandauli"], "mirzapur": ["mirzapur", "bhadohi", "sonbhadra"],
                 "azamgarh": ["azamgarh", "ballia", "mau"]},
    "meerut": {"meerut": ["meerut", "bulandshahr", "baghpat", "hapur"],
               "saharanpur": ["saharanpur", "muzaffarnagar", "shamli"]},
}
HINDI = {
    "agra": "आगरा", "aligarh": "अलीगढ़", "firozabad": "फिरोजाबाद", "mainpuri": "मैनपुरी", "mathura": "मथुरा",
    "etah": "एटा", "hathras": "हाथरस", "kasganj": "कासगंज", "bareilly": "बरेली", "budaun": "बदायूं",
    "pilibhit": "पीलीभीत", "shahjahanpur": "शाहजहांपुर", "moradabad": "मुरादाबाद", "bijnor": "बिजनौर",
    "rampur": "रामपुर", "amroha": "अमरोहा", "sambhal": "संभल", "gorakhpur": "गोरखपुर", "deoria": "देवरिया",
    "kushinagar": "कुशीनगर", "maharajganj": "महराजगंज", "basti": "बस्ती", "sant-kabir-nagar": "संत कबीर नगर",
    "siddharthnagar": "सिद्धार्थनगर", "lucknow": "लखनऊ", "unnao": "उन्नाव", "raebareli": "रायबरेली",
    "sitapur": "सीतापुर", "hardoi": "हरदोई", "lakhimpur-kheri": "लखीमपुर खीरी", "ayodhya": "अयोध्या",
    "sultanpur": "सुल्तानपुर", "amethi": "अमेठी", "barabanki": "बाराबंकी", "ambedkar-nagar": "अंबेडकर नगर",
    "devipatan": "देवीपाटन", "gonda": "गोंडा", "bahraich": "बहराइच", "balrampur": "बलरामपुर",
    "shravasti": "श्रावस्ती", "kanpur": "कानपुर", "kanpur-dehat": "कानपुर देहात", "etawah": "इटावा",
    "farrukhabad": "फर्रुखाबाद", "auraiya": "औरैया", "kannauj": "कन्नौज", "jhansi": "झांसी", "jalaun": "जालौन",
    "lalitpur": "ललितपुर", "prayagraj": "प्रयागराज", "fatehpur": "फतेहपुर", "kaushambi": "कौशांबी",
    "pratapgarh": "प्रतापगढ़", "chitrakoot-dham": "चित्रकूट धाम", "banda": "बांदा", "chitrakoot": "चित्रकूट",
    "hamirpur": "हमीरपुर", "mahoba": "महोबा", "varanasi": "वाराणसी", "ghazipur": "गाजीपुर", "jaunpur": "जौनपुर",
    "chandauli": "चंदौली", "mirzapur": "मिर्जापुर", "bhadohi": "भदोही", "sonbhadra": "सोनभद्र",
    "azamgarh": "आजमगढ़", "ballia": "बलिया", "mau": "मऊ", "meerut": "मेरठ", "bulandshahr": "बुलंदशहर",
    "baghpat": "बागपत", "hapur": "हापुड़", "saharanpur": "सहारनपुर", "muzaffarnagar": "मुजफ्फरनगर",
    "shamli": "शामली", "ghaziabad": "गाजियाबाद", "gautam-buddh-nagar": "गौतम बुद्ध नगर",
    "kanpur-nagar": "कानपुर नगर",
}
ENGLISH = {"budaun": "Budaun", "sant-kabir-nagar": "Sant Kabir Nagar", "lakhimpur-kheri": "Lakhimpur Kheri",
           "ambedkar-nagar": "Ambedkar Nagar", "kanpur-dehat": "Kanpur Dehat", "chitrakoot-dham": "Chitrakoot Dham",
           "gautam-buddh-nagar": "Gautam Buddh Nagar", "kanpur-nagar": "Kanpur Nagar", "raebareli": "Raebareli"}
COMMISSIONERATES = {"lucknow": ("lucknow", 55), "kanpur": ("kanpur-nagar", 52), "varanasi": ("varanasi", 30),
                    "prayagraj": ("prayagraj", 45), "agra": ("agra", 46), "ghaziabad": ("ghaziabad", 28),
                    "gautam-buddh-nagar": ("gautam-buddh-nagar", 26)}
FORMERLY = {"ayodhya": "faizabad", "prayagraj": "allahabad"}
# The districts' other names that people still type (their names until a renaming, a city's): units.csv other_names.
OTHER_NAMES = {
    "prayagraj": "Allahabad|इलाहाबाद", "prayagraj-commissionerate": "Allahabad|इलाहाबाद",
    "ayodhya": "Faizabad|फ़ैज़ाबाद", "varanasi": "Banaras|Benares|बनारस|Kashi|काशी",
    "varanasi-commissionerate": "Banaras|Benares|बनारस", "gautam-buddh-nagar": "Noida|नोएडा",
    "gautam-buddh-nagar-commissionerate": "Noida|नोएडा", "lakhimpur-kheri": "Kheri|खीरी",
    "bhadohi": "Sant Ravidas Nagar|संत रविदास नगर",
    "amethi": "Chhatrapati Shahuji Maharaj Nagar|छत्रपति शाहूजी महाराज नगर",
    "kasganj": "Kanshiram Nagar|कांशीराम नगर", "amroha": "Jyotiba Phule Nagar|ज्योतिबा फुले नगर",
    "hathras": "Mahamaya Nagar|महामाया नगर", "shamli": "Prabuddh Nagar|प्रबुद्ध नगर",
    "hapur": "Panchsheel Nagar|पंचशील नगर", "sambhal": "Bhim Nagar|भीम नगर",
}
# Stations of the Kanpur zone's districts: 139 in all, as the November 2024 report counts them.
KANPUR_ZONE_STATIONS = {"kanpur-dehat": 20, "etawah": 22, "farrukhabad": 20, "auraiya": 13, "kannauj": 17,
                        "jhansi": 24, "jalaun": 14, "lalitpur": 9}

# Kanpur Commissionerate: the 32 stations the October 2023 report names at rank 1, then the rest.
KANPUR_RANK_1_SEP_2023 = [
    ("Rail Bazar", "रेल बाजार"), ("Swaroop Nagar", "स्वरूप नगर"), ("Cantt", "कैंट"), ("Chakeri", "चकेरी"),
    ("Kotwali", "कोतवाली"), ("Araul", "अरौल"), ("Ghatampur", "घाटमपुर"), ("Kalyanpur", "कल्याणपुर"),
    ("Sajeti", "सजेती"), ("Fazalganj", "फजलगंज"), ("Bithoor", "बिठूर"), ("Kakwan", "ककवन"),
    ("Babupurwa", "बाबूपुरवा"), ("Sisamau", "सीसामऊ"), ("Chamanganj", "चमनगंज"), ("Rawatpur", "रावतपुर"),
    ("Kakadeo", "काकादेव"), ("Bidhnoo", "बिधनू"), ("Feelkhana", "फीलखाना"), ("Bajaria", "बजरिया"),
    ("Collectorganj", "कलेक्टरगंज"), ("Sadh", "साढ़"), ("Harbans Mohal", "हरबंस मोहाल"), ("Nazirabad", "नजीराबाद"),
    ("Armapur", "अर्मापुर"), ("Colonelganj", "कर्नलगंज"), ("Badshahi Naka", "बादशाही नाका"),
    ("Gwaltoli", "ग्वालटोली"), ("Kohna", "कोहना"), ("Moolganj", "मूलगंज"), ("Maharajpur", "महाराजपुर"),
    ("Chaubepur", "चौबेपुर"),
]
KANPUR_OTHERS = [
    ("Beconganj", "बेकनगंज"), ("Naubasta", "नौबस्ता"), ("Barra", "बर्रा"), ("Govind Nagar", "गोविंद नगर"),
    ("Kidwai Nagar", "किदवई नगर"), ("Panki", "पनकी"), ("Gujaini", "गुजैनी"), ("Juhi", "जूही"),
    ("Nawabganj", "नवाबगंज"), ("Anwarganj", "अनवरगंज"), ("Jajmau", "जाजमऊ"), ("Hanumant Vihar", "हनुमंत विहार"),
    ("Sachendi", "सचेंडी"), ("Bilhaur", "बिल्हौर"), ("Shivrajpur", "शिवराजपुर"), ("Narwal", "नरवल"),
    ("Mahila Thana", "महिला थाना"), ("Shyam Nagar", "श्याम नगर"),
]
KANPUR_NEW_IN_2024_05 = [("Ahirwan", "अहिरवां"), ("Harjinder Nagar", "हरजिंदर नगर")]
KANPUR_BELOW_FULL_DEC_2024 = ["gwaltoli", "harbans-mohal", "kotwali", "chaubepur"]

# Station names for the other districts: common names of UP towns and police stations.
STATION_NAMES = [
    ("Kotwali Nagar", "कोतवाली नगर"), ("Kotwali Dehat", "कोतवाली देहात"), ("Sadar Bazar", "सदर बाजार"),
    ("Civil Lines", "सिविल लाइन्स"), ("Mahila Thana", "महिला थाना"), ("Rampur", "रामपुर"), ("Akbarpur", "अकबरपुर"),
    ("Sikandarpur", "सिकंदरपुर"), ("Fatehganj", "फतेहगंज"), ("Nawabganj", "नवाबगंज"), ("Shahganj", "शाहगंज"),
    ("Jalalpur", "जलालपुर"), ("Chandpur", "चांदपुर"), ("Kishanpur", "किशनपुर"), ("Madhoganj", "माधोगंज"),
    ("Sandila", "संडीला"), ("Mallawan", "मल्लावां"), ("Bilgram", "बिलग्राम"), ("Shahabad", "शाहाबाद"),
    ("Pihani", "पिहानी"), ("Rasulabad", "रसूलाबाद"), ("Derapur", "डेरापुर"), ("Sikandra", "सिकंदरा"),
    ("Mangalpur", "मंगलपुर"), ("Bhognipur", "भोगनीपुर"), ("Rajpur", "राजपुर"), ("Shivli", "शिवली"),
    ("Bharthana", "भरथना"), ("Jaswantnagar", "जसवंतनगर"), ("Saifai", "सैफई"), ("Chakarnagar", "चकरनगर"),
    ("Bakewar", "बकेवर"), ("Ekdil", "एकदिल"), ("Usrahar", "ऊसराहार"), ("Kamalganj", "कमालगंज"),
    ("Kaimganj", "कायमगंज"), ("Shamsabad", "शमसाबाद"), ("Mohammadabad", "मोहम्मदाबाद"), ("Amritpur", "अमृतपुर"),
    ("Bidhuna", "बिधूना"), ("Achalda", "अछल्दा"), ("Dibiyapur", "दिबियापुर"), ("Ajitmal", "अजीतमल"),
    ("Phaphund", "फफूंद"), ("Chhibramau", "छिबरामऊ"), ("Tirwa", "तिर्वा"), ("Gursahaiganj", "गुरसहायगंज"),
    ("Talgram", "तालग्राम"), ("Saurikh", "सौरिख"), ("Mauranipur", "मऊरानीपुर"), ("Garautha", "गरौठा"),
    ("Moth", "मोठ"), ("Baragaon", "बड़ागांव"), ("Samthar", "समथर"), ("Konch", "कोंच"), ("Kalpi", "कालपी"),
    ("Madhogarh", "माधौगढ़"), ("Rampura", "रामपुरा"), ("Kuthaund", "कुठौंद"), ("Talbehat", "तालबेहट"),
    ("Mahroni", "महरौनी"), ("Jakhaura", "जखौरा"), ("Pali", "पाली"), ("Madawara", "मड़ावरा"), ("Bansi", "बांसी"),
    ("Dumariyaganj", "डुमरियागंज"), ("Itwa", "इटवा"), ("Khalilabad", "खलीलाबाद"), ("Mehdawal", "मेहदावल"),
    ("Harraiya", "हर्रैया"), ("Rudhauli", "रुधौली"), ("Kaptanganj", "कप्तानगंज"), ("Salempur", "सलेमपुर"),
    ("Rudrapur", "रुद्रपुर"), ("Barhalganj", "बड़हलगंज"), ("Gola", "गोला"), ("Chauri Chaura", "चौरी चौरा"),
    ("Pipraich", "पिपराइच"), ("Sahjanwa", "सहजनवां"), ("Khorabar", "खोराबार"), ("Gagaha", "गगहा"),
    ("Jhangha", "झंगहा"), ("Bansgaon", "बांसगांव"), ("Hazratganj", "हजरतगंज"), ("Aminabad", "अमीनाबाद"),
    ("Chowk", "चौक"), ("Gomti Nagar", "गोमती नगर"), ("Aliganj", "अलीगंज"), ("Mahanagar", "महानगर"),
]
# Tehsils of the district-administration series, from January 2024, out of 100 marks. Real names where we know
# them; elsewhere a Sadar tehsil and town names of the district (TEHSILS_IN_ALL tehsils in all).
TEHSILS_FROM, TEHSIL_MAX_MARKS, TEHSILS_IN_ALL = "2024-01", 100, 351
SADAR = ("Sadar", "सदर")
TEHSILS = {
    "kanpur-nagar": [SADAR, ("Bilhaur", "बिल्हौर"), ("Ghatampur", "घाटमपुर"), ("Narwal", "नरवल")],
    "lucknow": [SADAR, ("Malihabad", "मलिहाबाद"), ("Mohanlalganj", "मोहनलालगंज"), ("Bakshi Ka Talab", "बख्शी का तालाब"),
                ("Sarojini Nagar", "सरोजनी नगर")],
    "agra": [SADAR, ("Etmadpur", "एत्मादपुर"), ("Kheragarh", "खेरागढ़"), ("Fatehabad", "फतेहाबाद"), ("Bah", "बाह"),
             ("Kiraoli", "किरावली")],
    "varanasi": [SADAR, ("Pindra", "पिंडरा"), ("Rajatalab", "राजातालाब")],
    "prayagraj": [SADAR, ("Soraon", "सोरांव"), ("Phulpur", "फूलपुर"), ("Handia", "हंडिया"), ("Meja", "मेजा"),
                  ("Karchhana", "करछना"), ("Bara", "बारा"), ("Koraon", "कोरांव")],
    "ghaziabad": [("Ghaziabad", "गाजियाबाद"), ("Modinagar", "मोदीनगर"), ("Loni", "लोनी")],
    "gautam-buddh-nagar": [("Dadri", "दादरी"), SADAR, ("Jewar", "जेवर")],
    "kanpur-dehat": [("Akbarpur", "अकबरपुर"), ("Bhognipur", "भोगनीपुर"), ("Derapur", "डेरापुर"), ("Rasulabad", "रसूलाबाद"),
                     ("Sikandra", "सिकंदरा"), ("Maitha", "मैथा")],
    "etawah": [("Etawah", "इटावा"), ("Bharthana", "भरथना"), ("Jaswantnagar", "जसवंतनगर"), ("Saifai", "सैफई"),
               ("Chakarnagar", "चकरनगर"), ("Takha", "ताखा")],
    "jhansi": [("Jhansi", "झांसी"), ("Mauranipur", "मऊरानीपुर"), ("Garautha", "गरौठा"), ("Moth", "मोठ"),
               ("Tahrauli", "टहरौली")],
    "hardoi": [("Hardoi", "हरदोई"), ("Shahabad", "शाहाबाद"), ("Sawayajpur", "सवायजपुर"), ("Bilgram", "बिलग्राम"),
               ("Sandila", "संडीला")],
    "lalitpur": [("Lalitpur", "ललितपुर"), ("Talbehat", "तालबेहट"), ("Mahroni", "महरौनी"), ("Pali", "पाली"),
                 ("Madawara", "मड़ावरा")],
    "jalaun": [("Orai", "उरई"), ("Kalpi", "कालपी"), ("Konch", "कोंच"), ("Jalaun", "जालौन"), ("Madhogarh", "माधौगढ़")],
    "auraiya": [("Auraiya", "औरैया"), ("Bidhuna", "बिधूना"), ("Ajitmal", "अजीतमल")],
    "kannauj": [("Kannauj", "कन्नौज"), ("Chhibramau", "छिबरामऊ"), ("Tirwa", "तिर्वा")],
    "farrukhabad": [("Farrukhabad", "फर्रुखाबाद"), ("Kaimganj", "कायमगंज"), ("Amritpur", "अमृतपुर")],
    "unnao": [("Unnao", "उन्नाव"), ("Safipur", "सफीपुर"), ("Hasanganj", "हसनगंज"), ("Purwa", "पुरवा"),
              ("Bighapur", "बीघापुर"), ("Bangarmau", "बांगरमऊ")],
    "gorakhpur": [SADAR, ("Campierganj", "कैंपियरगंज"), ("Sahjanwa", "सहजनवां"), ("Khajni", "खजनी"), ("Gola", "गोला"),
                  ("Bansgaon", "बांसगांव"), ("Chauri Chaura", "चौरी चौरा")],
}
# Station names that are no town's name, so no tehsil's.
NOT_TOWNS = {"Kotwali Nagar", "Kotwali Dehat", "Sadar Bazar", "Civil Lines", "Mahila Thana", "Hazratganj", "Aminabad",
             "Chowk", "Gomti Nagar", "Aliganj", "Mahanagar"}
MONTHS = {
    "police": [f"2023-{m:02d}" for m in range(1, 13)] + [f"2024-{m:02d}" for m in range(5, 13)]
    + [f"2025-{m:02d}" for m in range(1, 11)],
    "district-admin": [f"{y}-{m:02d}" for y in (2023, 2024) for m in range(1, 13)]
    + [f"2025-{m:02d}" for m in range(1, 11)],
}
COUNTS = ("complaints_received", "complaints_disposed", "complaints_defaulted", "feedback_total",
          "feedback_unsatisfied")


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def english(key):
    return ENGLISH.get(key, key.replace("-", " ").title())


# ---- units


def build_units(rng):
    """[unit dict] in hierarchy order: zones, ranges, districts, commissionerates, revenue districts, stations."""
    units = []

    def add(unit_id, level, parent, name_en, name_hi, since=None):
        units.append(dict(id=unit_id, level=level, parent=parent or "", name_en=name_en, name_hi=name_hi,
                          formerly=FORMERLY.get(unit_id, ""), counterpart="", since=since))

    for zone, ranges in ZONES.items():
        add(f"{zone}-zone", "zone", None, f"{english(zone)} Zone", f"{HINDI[zone]} ज़ोन")
    for zone, ranges in ZONES.items():
        for range_ in ranges:
            add(f"{range_}-range", "range", f"{zone}-zone", f"{english(range_)} Range", f"{HINDI[range_]} परिक्षेत्र")
    for zone, ranges in ZONES.items():
        for range_, districts in ranges.items():
            for district in districts:
                add(district, "district", f"{range_}-range", english(district), HINDI[district])
    for city in COMMISSIONERATES:
        add(f"{city}-commissionerate", "district", None, f"{english(city)} Commissionerate",
            f"{HINDI[city]} कमिश्नरेट")
    for city, (revenue, _) in COMMISSIONERATES.items():
        add(revenue, "district", None, english(revenue), HINDI[revenue])

    for city, (revenue, _) in COMMISSIONERATES.items():
        by_id = {u["id"]: u for u in units}
        by_id[f"{city}-commissionerate"]["counterpart"] = revenue

    police_districts = [u["id"] for u in units if u["level"] == "district" and u["id"] not in
                        {revenue for revenue, _ in COMMISSIONERATES.values()}]
    for district in police_districts:
        if district == "kanpur-commissionerate":
            names = KANPUR_RANK_1_SEP_2023 + KANPUR_OTHERS
            for name_en, name_hi in names:
                add(f"{district}-{slug(name_en)}", "station", district, name_en, name_hi)
            for name_en, name_hi in KANPUR_NEW_IN_2024_05:
                add(f"{district}-{slug(name_en)}", "station", district, name_en, name_hi, since="2024-05")
            continue
        if district.endswith("-commissionerate"):
            count = COMMISSIONERATES[district.removesuffix("-commissionerate")][1]
        else:
            count = KANPUR_ZONE_STATIONS.get(district) or rng.randint(13, 25)
        for name_en, name_hi in rng.sample(STATION_NAMES, count):
            add(f"{district}-{slug(name_en)}", "station", district, name_en, name_hi)
    return units


def add_tehsils(units):
    """The tehsils of every revenue district (the districts ranked as administrations), TEHSILS_IN_ALL in all.
    Drawn with a generator of their own, so that every other unit's marks stay as they were."""
    rng = random.Random("tehsils")
    revenue = [u for u in units if u["level"] == "district" and not u["id"].endswith("-commissionerate")]
    town_names = {}
    for unit in units:
        if unit["level"] == "station" and unit["name_en"] not in NOT_TOWNS:
            town_names.setdefault(unit["parent"], []).append((unit["name_en"], unit["name_hi"]))
    known = sum(len(TEHSILS.get(d["id"], ())) for d in revenue)
    others = [d for d in revenue if d["id"] not in TEHSILS]
    # The other districts share what is left: 3 to 7 tehsils each, like the real ones.
    share = [3] * len(others)
    while sum(share) < TEHSILS_IN_ALL - known:
        i = rng.randrange(len(others))
        share[i] += share[i] < 7
    for district, count in zip(others, share):
        police = district["id"]  # the district's police unit has its id, and its stations' names are its towns
        towns = sorted(set(town_names.get(police, ())))
        TEHSILS[district["id"]] = [SADAR] + rng.sample(towns, count - 1)
    for district in revenue:
        for name_en, name_hi in TEHSILS[district["id"]]:
            units.append(dict(id=f"{district['id']}-{slug(name_en)}-tehsil", level="tehsil", parent=district["id"],
                              name_en=name_en, name_hi=name_hi, formerly="", counterpart="", since=TEHSILS_FROM))
    assert sum(u["level"] == "tehsil" for u in units) == TEHSILS_IN_ALL


def tehsil_marks(units, series, month):
    """{tehsil id: (marks, max marks)} of a month: a generator per month, so other units' marks are untouched."""
    if series != "district-admin" or month < TEHSILS_FROM:
        return {}
    rng = random.Random(f"tehsils {month}")
    return {u["id"]: (random_marks(rng, "tehsil", TEHSIL_MAX_MARKS, skill_of(u["id"])), TEHSIL_MAX_MARKS)
            for u in units if u["level"] == "tehsil"}


def skill_of(unit_id):
    return random.Random(f"skill {unit_id}").uniform(0.5, 1.0)


# ---- marks


def random_marks(rng, level, full, skill):
    """Most units on full marks, a tail below, like the real reports; a unit's skill (0.5–1) keeps its marks
    from one month to the next plausible: good units stay mostly good."""
    share_full = {"station": 0.8, "tehsil": 0.45, "district": 0.35, "range": 0.5, "zone": 0.5}[level] * skill / 0.75
    if rng.random() < share_full:
        return full
    low = {"station": 0.6, "tehsil": 0.7, "district": 0.85, "range": 0.9, "zone": 0.92}[level]
    low += (0.995 - low) * (skill - 0.5)
    return round(full * rng.uniform(low, 0.995), 2)


def force_rank(rng, marks, unit, unit_marks, rank, full, keep_above=(), keep_below=()):
    """Set marks so that exactly rank - 1 units of this table are above unit (which gets unit_marks)."""
    marks[unit] = unit_marks
    others = [u for u in marks if u != unit]
    above = [u for u in keep_above if u != unit]
    rest = sorted((u for u in others if u not in above and u not in keep_below), key=lambda u: -marks[u])
    above += rest[: rank - 1 - len(above)]
    above_set = set(above)
    assert len(above_set) == rank - 1, (unit, rank)
    for other in others:
        if other in above_set and marks[other] <= unit_marks:
            marks[other] = full if rng.random() < 0.5 else round(rng.uniform(unit_marks + 0.01, full), 2)
        elif other not in above_set and marks[other] > unit_marks:
            marks[other] = round(rng.uniform(unit_marks * 0.9, unit_marks - 0.01), 2)


def month_marks(rng, units, skills, series, month):
    """{unit id: (marks, max_marks)} of every unit ranked in the series that month."""
    if series == "police":
        members = [u for u in units if u["id"] not in {r for r, _ in COMMISSIONERATES.values()}
                   and (u["since"] is None or month >= u["since"]) and not (u["level"] == "range" and month == "2023-01")]
        full_of = {"station": 90, "district": 125, "range": 125, "zone": 125}
    else:
        members = [u for u in units if u["level"] == "district" and not u["id"].endswith("-commissionerate")]
        full_of = {"district": 120 if month < "2023-04" else 130}
    tables = {}
    for unit in members:
        tables.setdefault(unit["level"], {})[unit["id"]] = random_marks(
            rng, unit["level"], full_of[unit["level"]], skills[unit["id"]])
    apply_seed_facts(rng, units, series, month, tables, full_of)
    return {unit_id: (value, full_of[level]) for level, table in tables.items() for unit_id, value in table.items()}


def apply_seed_facts(rng, units, series, month, tables, full_of):
    stations_of = {}
    for unit in units:
        if unit["level"] == "station":
            stations_of.setdefault(unit["parent"], []).append(unit["id"])
    kanpur = [s for s in stations_of["kanpur-commissionerate"] if s in tables.get("station", {})]
    stations, districts = tables.get("station"), tables.get("district")
    if series == "police":
        zone_months_2024 = [m for m in MONTHS["police"] if m.startswith("2024")]
        if month in zone_months_2024:
            zones = tables["zone"]
            if month == "2024-07":
                force_rank(rng, zones, "kanpur-zone", 121.5, 2, 125)
            else:
                zones["kanpur-zone"] = 125
        if month == "2024-11":
            for range_ in ("kanpur-range", "jhansi-range"):
                tables["range"][range_] = 125
            for district in ("kanpur-dehat", "etawah", "farrukhabad", "jalaun", "lalitpur"):
                districts[district] = 125
            force_rank(rng, districts, "kanpur-commissionerate", 123.4, 50, 125,
                       keep_above=["kanpur-dehat", "etawah", "farrukhabad", "jalaun", "lalitpur"])
            zone_stations = [s for d in KANPUR_ZONE_STATIONS for s in stations_of[d]]
            below = set(rng.sample(zone_stations, 14))
            for station in zone_stations:
                stations[station] = round(rng.uniform(62, 89.5), 2) if station in below else 90
        if month == "2024-12":
            force_rank(rng, districts, "kanpur-commissionerate", 120, 73, 125)
            for station in kanpur:
                stations[station] = 90
            lows = {"gwaltoli": 86.5, "harbans-mohal": 84, "kotwali": 81.25, "chaubepur": 75.56}
            for name, value in lows.items():
                stations[f"kanpur-commissionerate-{name}"] = value
        if month in ("2023-07", "2023-08"):
            force_rank(rng, districts, "kanpur-commissionerate", {"2023-07": 119, "2023-08": 117.5}[month],
                       {"2023-07": 52, "2023-08": 62}[month], 125)
        if month == "2023-09":
            force_rank(rng, districts, "kanpur-commissionerate", 123, 45, 125)
            rank_1 = {f"kanpur-commissionerate-{slug(name)}" for name, _ in KANPUR_RANK_1_SEP_2023}
            others = [s for s in kanpur if s not in rank_1]
            for station in rank_1:
                stations[station] = 90
            for station in others:
                stations[station] = round(rng.uniform(70, 89.5), 2)
            beconganj = "kanpur-commissionerate-beconganj"
            force_rank(rng, stations, beconganj, 61.5, 1545, 90, keep_above=[s for s in kanpur if s != beconganj])
    else:
        nagar = {"2024-12": (115, 49), "2024-11": (104, 74), "2023-09": (126, 32), "2023-08": (121.5, 48),
                 "2023-07": (118, 52), "2023-05": (98, 75)}
        if month in nagar:
            value, rank = nagar[month]
            force_rank(rng, districts, "kanpur-nagar", value, rank, full_of["district"])


def counts(rng, unit_id, series, month):
    if series == "district-admin" and unit_id == "kanpur-nagar" and month == "2024-12":
        received, disposed = KANPUR_NAGAR_DEC_2024["complaints_received"], KANPUR_NAGAR_DEC_2024["complaints_disposed"]
        return dict(KANPUR_NAGAR_DEC_2024, complaints_defaulted=rng.randint(0, received - disposed))
    received = rng.randint(300, 2500) if series == "district-admin" else rng.randint(150, 1800)
    disposed = rng.randint(int(received * 0.75), received)
    feedback = rng.randint(int(received * 1.5), int(received * 6))
    return dict(complaints_received=received, complaints_disposed=disposed,
                complaints_defaulted=rng.randint(0, received - disposed), feedback_total=feedback,
                feedback_unsatisfied=rng.randint(int(feedback * 0.1), int(feedback * 0.6)))


def plain(value):
    return str(int(value)) if value == int(value) else f"{value:.2f}".rstrip("0")


# ---- writing and checking


def write(folder, units, marks_by_month, rng):
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "units.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "level", "parent", "name_en", "name_hi", "formerly", "counterpart", "other_names"])
        for u in units:
            writer.writerow([u["id"], u["level"], u["parent"], u["name_en"], u["name_hi"], u["formerly"],
                             u["counterpart"], OTHER_NAMES.get(u["id"], "")])
    with open(folder / "series.csv", "w", newline="", encoding="utf-8") as out:
        out.write("id,name_en,name_hi\n"
                  "police,IGRS ranking of police units,पुलिस इकाइयों की आईजीआरएस रैंकिंग\n"
                  "district-admin,IGRS ranking of district administrations,जिला प्रशासन की आईजीआरएस रैंकिंग\n")
    by_id = {u["id"]: u for u in units}
    for (series, month), marks in marks_by_month.items():
        (folder / series).mkdir(exist_ok=True)
        with_counts = series == "district-admin" or month >= "2024-05"
        header = ["unit_id", "name_hi", "level", "marks", "max_marks"] + (list(COUNTS) if with_counts else [])
        with open(folder / series / f"{month}.csv", "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(header)
            for unit_id, (value, full) in marks.items():
                unit = by_id[unit_id]
                row = [unit_id, unit["name_hi"], unit["level"], plain(value), full]
                if with_counts:
                    given = counts(rng, unit_id, series, month) if unit["level"] == "district" else {}
                    row += [given.get(c, "") for c in COUNTS]
                writer.writerow(row)


def check_seed_facts(folder):
    """Load and rank the written folder with the site's own code; every reported fact must come out."""
    from rankings.site.model import build_model

    model = build_model(folder, with_corrections=False)
    dataset, rankings = model.dataset, model.rankings
    results = rankings.results.set_index(["series", "month", "unit_id"])
    for series, month, unit, marks, max_marks, rank in SEED_FACTS:
        row = results.loc[(series, month, unit)]
        assert marks is None or (row["marks"], row["max_marks"]) == (marks, max_marks), (series, month, unit, row)
        assert rank is None or row["rank"] == rank, (series, month, unit, row["rank"], rank)
    children = rankings.children.set_index(["series", "month", "ancestor_id", "level"])
    for series, month, parent, level, at_1, ranked in SEED_COUNTS:
        found = children.loc[(series, month, parent, level)]
        assert (found["at_rank_1"], found["ranked"]) == (at_1, ranked), (parent, month, found.to_dict())
    years = rankings.years.set_index(["series", "year", "unit_id"])
    for series, year, unit, at_1, ranked in SEED_YEARS:
        found = years.loc[(series, year, unit)]
        assert (found["months_at_1"], found["months_ranked"]) == (at_1, ranked), (unit, found.to_dict())
    chaubepur = rankings.lowest.loc[(rankings.lowest["ancestor_id"] == "kanpur-commissionerate")
                                    & (rankings.lowest["month"] == "2024-12")].iloc[0]
    assert chaubepur["unit_id"] == "kanpur-commissionerate-chaubepur"
    return dataset, rankings


def main(folder="data"):
    rng = random.Random(2025)
    units = build_units(rng)
    skills = {unit["id"]: rng.uniform(0.5, 1.0) for unit in units}
    marks_by_month = {(series, month): month_marks(rng, units, skills, series, month)
                      for series, months in MONTHS.items() for month in months}
    add_tehsils(units)
    for (series, month), marks in marks_by_month.items():
        marks.update(tehsil_marks(units, series, month))
    staging = Path(folder).with_name(Path(folder).name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    write(staging, units, marks_by_month, rng)
    dataset, _ = check_seed_facts(staging)
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)
    levels = dataset.units["level"].value_counts().to_dict()
    print(f"{folder}: {levels}, {len(dataset.marks)} rows of marks in {len(marks_by_month)} monthly files")


if __name__ == "__main__":
    main(*sys.argv[1:])
