"""The demo content: the five seed pages as structured pages, plus people and regions.

Shipped inside the project (not read from ../shared) so that `make run` works
from a fresh clone. Body blocks use the same StreamField block names as the
editor does: ("paragraph", html), ("heading", {...}), ("quote", {...}),
("attachment", {...}), ("video", {...}), ("read_more", {...}).

Where a seed does not state something the content model needs, the choice made
here is noted beside it (for example the publication date of seed 002).
"""

import datetime

PEOPLE = [
    {
        "key": "pajula",
        "name": "Elina Pajula",
        "job_title": "toiminnanjohtaja",
        "organisation": "Pohjois-Karjalan Sosiaaliturvayhdistys ry",
        "phone": "050 558 7460",
        "email": "elina.pajula@pksotu.fi",
        "regions": ["pohjois-karjala"],
    },
    {
        "key": "harakka",
        "name": "Ari Harakka",
        "job_title": "sivuston yhteyshenkilö",
        "organisation": "Pohjois-Karjalan Sosiaaliturvayhdistys ry",
        "email": "ari.harakka@pksotu.fi",
        "regions": ["pohjois-karjala"],
    },
    {
        "key": "liimatainen",
        "name": "Helena Liimatainen",
        "job_title": "projektipäällikkö, järjestöagentti, Pohjois-Pohjanmaan järjestörakenne -hanke",
        "organisation": "Pohjois-Pohjanmaan sosiaali- ja terveysturvayhdistys ry",
        "regions": ["pohjois-pohjanmaa"],
    },
    {
        "key": "saarivaara",
        "name": "Johanna Saarivaara",
        "job_title": "järjestöasiantuntija, Järjestöjen sote-muutostuki",
        "organisation": "Lapin sosiaali- ja terveysturvayhdistys ry",
        "phone": "040 580 3765",
        "regions": ["kainuu", "keski-pohjanmaa", "lappi", "pohjois-pohjanmaa"],
    },
    {
        "key": "hahl-weckstrom",
        "name": "Anita Hahl-Weckström",
        "job_title": "hankepäällikkö, Järjestöjen sote-muutostuki",
        "organisation": "SOSTE Suomen sosiaali- ja terveys ry",
        "regions": [],
    },
    {
        "key": "suhonen",
        "name": "Leena Suhonen",
        "job_title": "kehittämisasiantuntija",
        "organisation": "Siun sote",
        "regions": ["pohjois-karjala"],
    },
]

# Region pages that have more than the generic introduction.
REGION_DETAILS = {
    "pohjois-karjala": {
        "intro": (
            "Pohjois-Karjalan hyvinvointialue (Siun sote) ja alueen sosiaali- ja "
            "terveysjärjestöt tekevät yhteistyötä Pohjois-Karjalan Sosiaaliturvayhdistyksen "
            "koordinoimana."
        ),
        "network_name": "Pohjois-Karjalan Sosiaaliturvayhdistys ry",
        "network_url": "https://www.pksotu.fi/",
        "network_description": (
            "Alueellinen verkostojärjestö, joka koordinoi järjestöjen yhteistyötä "
            "hyvinvointialueen kanssa ja ylläpitää Maakuntien verkostojärjestöjen "
            "neuvottelukunnan sivustoa."
        ),
        "contacts": [("pajula", "toiminnanjohtaja"), ("harakka", "yhteyshenkilö")],
        "cooperation": [
            {
                "name": "Järjestö 2.0 -hankkeen kumppanuuspöytä",
                "description": (
                    "Kumppanuuspöytä koostuu noin 15 järjestön edustajasta sekä Siun soten, "
                    "Pohjois-Karjalan maakuntaliiton ja Joensuun kaupungin edustajasta."
                ),
                "organisations": [
                    "Pohjois-Karjalan Sosiaaliturvayhdistys ry (koordinoija)",
                    "Siun sote",
                    "Pohjois-Karjalan maakuntaliitto",
                    "Joensuun kaupunki",
                ],
            },
            {
                "name": "Siun soten järjestötapaamiset",
                "description": (
                    "Siun soten ja järjestöjen yhteiset tilaisuudet ja työpajat, joissa "
                    "tuodaan järjestönäkökulmaa hyvinvointialueen hankkeisiin."
                ),
                "organisations": [],
            },
        ],
    },
    "pohjois-pohjanmaa": {
        "intro": (
            "Pohjois-Pohjanmaan sosiaali- ja terveysturvayhdistys kehittää järjestöjen "
            "yhteistyötä hyvinvointialueen kanssa."
        ),
        "network_name": "Pohjois-Pohjanmaan sosiaali- ja terveysturvayhdistys ry",
        "contacts": [
            ("liimatainen", "projektipäällikkö, järjestöagentti"),
            ("saarivaara", "järjestöasiantuntija, Järjestöjen sote-muutostuki"),
        ],
        "cooperation": [
            {
                "name": "Tulevaisuuden sote-keskus -hankkeen ohjausryhmä",
                "description": (
                    "Hankkeen ohjausryhmään on asetettava edustus alueella toimivista "
                    "kolmannen sektorin toimijoista."
                ),
                "organisations": ["Pohjois-Pohjanmaan sosiaali- ja terveysturvayhdistys ry"],
            }
        ],
    },
    "lappi": {
        "network_name": "Lapin sosiaali- ja terveysturvayhdistys ry",
        "contacts": [("saarivaara", "järjestöasiantuntija, Järjestöjen sote-muutostuki")],
    },
    "kainuu": {"contacts": [("saarivaara", "järjestöasiantuntija, Järjestöjen sote-muutostuki")]},
    "keski-pohjanmaa": {
        "contacts": [("saarivaara", "järjestöasiantuntija, Järjestöjen sote-muutostuki")]
    },
}

# Where each article lives: "national" is the national news listing, a region
# code is that region's own news listing (so regional editors can own it).
ARTICLES = [
    {
        "seed": "000",
        "slug": "jarjestot-ja-tulevaisuuden-sote-keskus",
        "title": "Järjestöt ja tulevaisuuden sote-keskus",
        # The seed cites a ministry bulletin of 19.3.2020, so it was published after it.
        "date": datetime.date(2020, 3, 20),
        "parent": "pohjois-karjala",
        "regions": ["pohjois-karjala"],
        "author": None,
        # The seed lists no keywords; these are the topics it is about.
        "keywords": ["sote-uudistus", "tulevaisuuden sote-keskus", "järjestöyhteistyö"],
        "lead": (
            "Valtakunnallinen sote-uudistus, sosiaali- ja terveydenhuollon palvelujen ja "
            "rakenteiden uudistus on suuri mahdollisuus järjestöille tuoda järjestöjen "
            "osaamista, toimintaa ja palveluja osaksi uudistusta."
        ),
        "body": [
            (
                "paragraph",
                "Järjestöt ja tulevaisuuden sote-keskus -tilaisuudessa 10.3.2020 Joensuussa kuultiin tulevaisuuden sote-keskusohjelman mukaisen hankesuunnittelun valtakunnallista ja alueellista tilannekuvaa sekä tuotiin järjestönäkökulmaa Siun soten hankkeen valmisteluvaiheeseen. Siun soten ja järjestöjen yhteisissä työpajoissa syvennyttiin kuuteen eri teemaan: lapset, nuoret ja perhekeskus, ikäihmisten palvelut, mielenterveys- ja päihdepalvelut, vammaispalvelut, digitaaliset palvelut sekä järjestöyhteistyö.",
            ),
            (
                "paragraph",
                "Tilaisuuden materiaalit ovat luettavissa ja tilaisuudesta tehty videokooste katsottavissa 30.4.2020 asti Jelli-järjestötietopalvelussa kohdassa Siun soten järjestötapaamiset.",
            ),
            (
                "paragraph",
                "Pohjois-Karjalassa järjestöjen roolia sote-keskus -ohjelmassa on käsitelty tämän lisäksi muun muassa Pohjois-Karjalan Sosiaaliturvayhdistyksen koordinoimassa Järjestö 2.0 -hankkeen kumppanuuspöydässä. Kumppanuuspöytä koostuu noin 15 järjestön edustajasta sekä Siun soten, Pohjois-Karjalan maakuntaliiton ja Joensuun kaupungin edustajasta. Kumppanuuspöydän sekä 10.3.2020 tilaisuuden materiaalien pohjalta kumppanuuspöytä on laatimassa ehdotusta järjestöyhteistyön kehittämisestä Siun soten hankevalmisteluun.",
            ),
            (
                "paragraph",
                "Sosiaali- ja terveysministeriön 19.3.2020 tiedotteen mukaan tulevaisuuden sosiaali- ja terveyskeskus -ohjelman ja rakenneuudistusta tukevien valtionavustusten hakuaikaa on jatkettu kuukaudella korona-tilanteen vuoksi, joka tarkoittaa että, hankehakemukset pitää jättää uuden ohjeistuksen mukaan viimeistään 30. huhtikuuta.",
            ),
            (
                "heading",
                {
                    "text": "Järjestöt ja tulevaisuuden sote-keskus -tilaisuus 10.3.2020",
                    "level": "h2",
                },
            ),
            (
                "attachment",
                {
                    "title": "Dia-esitys: Tulevaisuuden sote-keskusohjelman mukaisen hankesuunnittelun tilannekuva",
                    "url": "https://www.jelli.fi/",
                    "description": "Leena Suhonen, kehittämisasiantuntija, Siun sote",
                },
            ),
            (
                "attachment",
                {
                    "title": "Dia-esitys: Järjestöt sote-keskus -ohjelmassa",
                    "url": "https://www.jelli.fi/",
                    "description": "Elina Pajula, toiminnan johtaja, Pohjois-Karjalan Sosiaaliturvayhdistys ry",
                },
            ),
            ("attachment", {"title": "Työpajojen muistiot", "url": "https://www.jelli.fi/"}),
            (
                "video",
                {
                    "title": "Tilaisuuden videokooste",
                    "url": "https://www.jelli.fi/",
                    "available_until": datetime.date(2020, 4, 30),
                },
            ),
            (
                "read_more",
                {
                    "heading": "Lue lisää",
                    "links": [
                        {
                            "title": "Lue lisää sote-uudistuksesta: www.sote-uudistus.fi",
                            "url": "https://www.sote-uudistus.fi/",
                        }
                    ],
                },
            ),
        ],
    },
    {
        "seed": "001",
        "slug": "tulevaisuuden-sote-keskus-tarvitsee-jarjestoja-kumppanikseen",
        "title": "Tulevaisuuden sote-keskus tarvitsee järjestöjä kumppanikseen",
        # "Maanantaina 20.1.2020 on avautunut valtionavustushaut": written that day.
        "date": datetime.date(2020, 1, 20),
        "parent": "pohjois-pohjanmaa",
        "regions": ["pohjois-pohjanmaa"],
        "author": "liimatainen",
        "keywords": ["sote", "sote-uudistus", "tulevaisuuden sote-keskus", "järjestöt"],
        "lead": (
            "Sanna Marinin hallituksen sote-uudistus etenee. Maanantaina 20.1.2020 on avautunut "
            "valtionavustushaut sote-palveluiden sisällölliseen ja rakenteelliseen uudistamiseen."
        ),
        "body": [
            (
                "paragraph",
                "Sisällöllistä uudistamista toteutetaan Tulevaisuuden sote-keskusohjelmalla, johon maakunnat hakevat avustusta. Tämän vuoden 70Me:n avustuksesta noin 7% on varattu Pohjois-Pohjanmaalle. Hakijana toimii Pohjois-Pohjanmaan sairaanhoitopiiri. Rakenteellisen uudistuksen valmisteluun on varattu noin 120 Me.",
            ),
            (
                "paragraph",
                "Tulevaisuuden sote-keskusohjelmalla tavoitellaan yhdenvertaisuutta, painopisteen siirtämistä ehkäiseviin palveluihin, sujuvia palveluketjuja sekä sote-palvelujen vastuun siirtymistä kunnilta maakunnille. Ohjelman avulla kehitetään laaja-alaisia sosiaali- ja terveyskeskuksia, joista asukkaat saisivat sujuvia, tarpeisiin vastaavia palveluja. Sote-keskuksella ei välttämättä tarkoiteta yhteistä rakennusta, vaan toimintamallia, jossa hyödynnetään uudenlaista työnjakoa, ammattilaisten konsultaatioita ja digitalisaatiota.",
            ),
            (
                "paragraph",
                "Valtionavustushaun tueksi laaditussa oppaassa todetaan Tulevaisuuden sote-keskuksen tarvitsevan myös ”kansalaisyhteiskunnan yhteisöjä ja järjestöjä kumppanikseen rakentamaan asukkaiden ja asiakkaiden hyvinvointia”. Hankehakemuksesta tuleekin käydä ilmi suunnitelma asukkaiden ja järjestöjen osallistamisesta hankkeen suunnitteluun ja toteutukseen. Myös hankkeen ohjausryhmään on asetettava edustus alueella toimivista kolmannen sektorin toimijoista.",
            ),
            (
                "paragraph",
                "Pohjois-Pohjanmaan sosiaali- ja terveysturvayhdistys ry on tehnyt Pohjois-Pohjanmaan sairaanhoitopiirille yhteistyöehdotuksen Tulevaisuuden sote-keskusten järjestöyhteistyön kehittämiseen liittyen. Asiasta tiedotetaan järjestöille lisää sitä mukaa, kun neuvottelut etenevät.",
            ),
            (
                "read_more",
                {
                    "heading": "Lisätietoja",
                    "links": [
                        {
                            "title": "Lisätietoja sote-uudistuksen etenemisestä",
                            "url": "https://soteuudistus.fi/etusivu",
                        }
                    ],
                },
            ),
        ],
    },
    {
        "seed": "002",
        "slug": "miten-jarjestot-ovat-mukana-sote-uudistuksessa-hyvinvointialueilla",
        "title": (
            "Miten järjestöt ovat mukana sote-uudistuksessa hyvinvointialueilla? – tiedot "
            "järjestöistä uudistuksen toimeenpanossa löytyvät nyt yhdestä paikasta"
        ),
        # The seed carries no date; it describes the wellbeing services counties'
        # preparation phase, so it is dated within it.
        "date": datetime.date(2022, 2, 1),
        "parent": "national",
        "regions": [],
        "author": "pajula",
        "keywords": ["Järjestöjen sote-muutostuki", "sote-uudistus", "hyvinvointialueet"],
        "lead": (
            "Maakuntien verkostojärjestöjen neuvottelukunnan sivuilta löytyy nyt uutta tietoa "
            "hyvinvointialueittain. Järjestöjen sote-muutostuki on koonnut sivustolle katsauksen "
            "kunkin hyvinvointialueen tilanteesta: mitä hyvinvointialueen valmisteluun sekä "
            "Tulevaisuuden sosiaali- ja terveyskeskus -ohjelman eri hankkeiden sisältötyöhön "
            "liittyviä ryhmiä on olemassa ja mitä järjestöjä on mukana yhteisessä työssä."
        ),
        "body": [
            (
                "paragraph",
                "Lue lisää: Järjestöt sote-toimeenpanossa Maakuntien verkostojärjestöjen neuvottelukunnan verkkosivuilla",
            ),
            (
                "paragraph",
                "Sivuston tietoja päivitetään, kun tietoa tulee lisää tai tiedot muuttuvat. Hyvinvointialueiden välillä on suuriakin eroja, koska valmistelua tehdään alueilla luotujen omien rakenteiden mukaisesti. Sivustolle koottua tietoa voi hyödyntää kehittämis- ja vaikuttamistyössä omalla alueella.",
            ),
            (
                "quote",
                {
                    "text": "Järjestöjen vahva mukanaolo hyvinvointialueen valmistelussa ja sosiaali- ja terveyspalvelujen kehittämisessä on sote-uudistuksen onnistumisen kannalta oleellista. On tärkeää tehdä näkyväksi ja sitä kautta myös kannustaa hyvinvointialueita ottamaan järjestöt mukaan tähän työhön.",
                    "attribution": "Järjestöjen sote-muutostuen hankepäällikkö Anita Hahl-Weckström SOSTEsta ja Maakuntien verkostojärjestöjen neuvottelukunnan sihteeri, Pohjois-Karjalan Sosiaaliturvayhdistyksen toiminnanjohtaja Elina Pajula",
                },
            ),
            (
                "paragraph",
                "Sivuston päivittämisestä vastaa Pohjois-Karjalan Sosiaaliturvayhdistys. Sivuston yhteyshenkilö on Ari Harakka (ari.harakka@pksotu.fi). Muutostuen järjestöasiantuntijat tukevat järjestöjä ja tiedottavat alueensa tapahtumista ja toiminnoista.",
            ),
            (
                "heading",
                {
                    "text": "Järjestöjen sote-muutostuki auttaa järjestöjä matkalla sote-Suomeen",
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                "SOSTEn ja alueellisten verkostojärjestökumppaneiden muodostama Järjestöjen sote-muutostuki työskentelee sen puolesta, että järjestöt varmistavat paikkansa ihmisten osallisuuden, terveyden ja hyvinvoinnin sekä turvallisuuden takaajina sote-uudistuksen jälkeisessä Suomessa. SOSTE vastaa muutostuen kansallisesta koordinoinnista, ja maakunnat ovat laajasti mukana yhteisessä kehittämisessä Maakuntien verkostojärjestöjen neuvottelukunnan kautta.",
            ),
            (
                "paragraph",
                "Lisätietoja antavat Järjestöjen sote-muutostuen hankepäällikkö Anita Hahl-Weckström sekä Pohjois-Karjalan Sosiaaliturvayhdistyksen toiminnanjohtaja, Maakuntien verkostojärjestöjen neuvottelukunnan sihteeri Elina Pajula: 050 558 7460, elina.pajula@pksotu.fi.",
            ),
            (
                "read_more",
                {
                    "heading": "Lue lisää",
                    "links": [
                        {
                            "title": "Kaikkien Järjestöjen sote-muutostuen tekijöiden yhteystiedot: soste.fi/jarjestojen-sote-muutostuki",
                            "url": "https://www.soste.fi/jarjestojen-sote-muutostuki/",
                        }
                    ],
                },
            ),
        ],
    },
    {
        "seed": "003",
        "slug": "jarjestojen-sote-muutostuen-tilannekatsaus",
        "title": "Järjestöjen sote-muutostuen tilannekatsaus",
        # Written at the turn of 2022/2023 ("hyvää vuotta 2023", "joulun alla").
        "date": datetime.date(2023, 1, 10),
        "parent": "national",
        "regions": ["kainuu", "keski-pohjanmaa", "lappi", "pohjois-pohjanmaa"],
        "author": "saarivaara",
        "keywords": ["järjestöjensotemuutostuki", "sotemuutostuki", "Järjestöjen sote-muutostuki"],
        "lead": (
            "Hei, pohjoisen järjestötoimijat! Kiitos teille yhteistyöstä ja panostuksestanne "
            "hyvinvointialueiden ja järjestöjen väliseen yhteistyöhön vuonna 2022!"
        ),
        "body": [
            (
                "paragraph",
                "Olemme edenneet jokaisella alueella hyvää vauhtia, ja tarvittaessa myös toteuttaneet kartoituksia, yhteenvetoja ja yhteistyöpalavereita. Joillakin alueilla on viime vuoden aikana pidetty sekä järjestökentän, että julkisen sektorin kanssa myös työpajoja niin käytännön yhteistyöstä kuin yhteistyörakenteistakin.",
            ),
            (
                "paragraph",
                "Tänä vuonna jatketaan siitä mihin joulun alla jäätiin. Suunnitelmissa on muun muassa rakentaa ja vahvistaa järjestöyhteistyörakenteita hyvinvointialueyhteistyöhön, luonnostella palvelupolkuja ja kehittää muillakin tavoin käytännön yhteistyötä monella saralla, kullakin alueella tarpeen ja tilanteen mukaan. Jos ette vielä seuraa facebook-sivuani, se kannattaa ottaa seurantaan, sillä siellä tiedotan ajankohtaisista asioista, kuten tiedossani olevista järjestöavustusasioista. Kuitenkin, kuten Anitakin alla toteaa, kannattaa seurata myös hyvinvointialueiden tiedotuskanavia, sillä joskus jotain voi mennä ohi 😊",
            ),
            (
                "paragraph",
                "Mukavia talvipäiviä toivotellen:<br>Johanna Saarivaara<br>järjestöasiantuntija, Järjestöjen sote-muutostuki<br>Kainuu | Keski-Pohjanmaa | Lappi | Pohjois-Pohjanmaa<br>Lapin sosiaali- ja terveysturvayhdistys ry<br>040 580 3765",
            ),
            (
                "heading",
                {
                    "text": "Järjestöjen sote-muutostuen hankepäällikön Anita Hahl-Weckströmin terveiset",
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                "Historiallinen sote-uudistus toteutuu pian, kun sosiaali-, terveys ja pelastuspalvelujen järjestämisvastuu siirtyy vuodenvaihteessa hyvinvointialueille.",
            ),
            (
                "paragraph",
                "Siirto on herättänyt pelkoja palvelujen katkoksista ja tietojärjestelmäongelmista. Järjestöjen näkökulmasta vuodenvaihde ei ole suuren uudistuksen päätepiste vaan enemmänkin välietappi tiellä kohti uutta toimintaympäristöä.",
            ),
            (
                "heading",
                {
                    "text": "Järjestöavustusmallit pääosin valmiita, avustusten hakuaikoja syytä seurata",
                    "level": "h3",
                },
            ),
            (
                "paragraph",
                "Järjestöavustukset, hyvinvointialueiden strategiat ja järjestöyhteistyön rakenteet ovat olleet kuluneena vuonna Järjestöjen sote-muutostuen erityisessä seurannassa.",
            ),
            (
                "paragraph",
                "Joulukuun alussa kerättyjen tietojen perusteella suurin osa hyvinvointialueista on saanut valmiiksi järjestöjen avustusmallin. Joillakin alueilla yksityiskohtien viimeistely venyy kuitenkin vuodenvaihteen yli, ja avustusten hakuaikataulu on monilla alueilla vielä pimennossa. Järjestöjen kannattaakin seurata omien hyvinvointialueidensa viestintäkanavia hakuilmoitusten varalta.",
            ),
            (
                "paragraph",
                "Valtaosa hyvinvointialueista on hyväksynyt hyvinvointialuestrategiat. Järjestöt nähdään niissä tärkeinä kumppaneina, mutta yhteistyön muotoutuminen vie oman aikansa. Yhteistyörakenteet ja niiden valmiusaste vaihtelevat alueittain.",
            ),
            (
                "heading",
                {
                    "text": "Vuoden 2023 tärkeitä teemoja ovat hyvinvoinnin, terveyden ja turvallisuuden edistäminen sekä palvelujen kehittäminen",
                    "level": "h3",
                },
            ),
            (
                "paragraph",
                "Järjestöjen sote-muutostuki kääntää jo katsetta kohti tulevaisuutta. Yksi vuoden 2023 tärkeä teema järjestöjen näkökulmasta ovat hyvinvoinnin ja terveyden edistämistä (hyte) koskevat neuvottelut. Laki edellyttää, että hyvinvointialue käy vuosittain hyte-neuvottelut terveyden edistämistyötä tekevien julkisten toimijoiden, yritysten ja yleishyödyllisten yhteisöjen kanssa.",
            ),
            (
                "paragraph",
                "Ensimmäiset hyvinvointialueet ovat jo pohtineet, miten neuvotteluja toteutetaan. Alustavista suunnitelmista voi päätellä, että alueilla on paljon tapaamisia ja keskusteluja eri sidosryhmien kanssa. Esimerkiksi järjestöjen teemaverkostoille on suunniteltu tapaamisia seudullisesti. Työ tällä saralla jatkuu tiiviinä vuoden 2023 puolella.",
            ),
            (
                "paragraph",
                "Juuri käynnistynyt kansallisen monialaisen hyte-palvelukonseptin kehittäminen sekä alueelliset palvelutarjottimet tulevat parantamaan myös järjestöjen toiminnan ja palvelujen löydettävyyttä. Toimintamallista on apua sekä asukkaille että ammattilaisille asiakas- ja palveluohjaukseen.",
            ),
            (
                "paragraph",
                "Palvelujen sisällön sekä asiakas- ja palveluohjauksen kehittäminen hyvinvointialueilla jatkuu. Osa hyvinvointialueista on aloittanut osallisuusohjelman laatimisen. Myös ne kanavoivat osaltaan järjestöjen edustamien ihmisten ääntä palvelujen kehittämiseen. Palvelujen sisällöt, palveluohjaus ja osallisuusohjelmat ovat järjestöjen näkökulmasta vuoden 2023 tärkeimpiä teemoja.",
            ),
            (
                "paragraph",
                "Kiitos menneestä vuodesta ja hyvää vuotta 2023!<br>Anita Hahl-Weckström<br>Hankepäällikkö, Järjestöjen sote-muutostuki<br>SOSTE Suomen sosiaali- ja terveys ry",
            ),
            (
                "read_more",
                {
                    "heading": "Seuraa",
                    "links": [
                        {
                            "title": "Johannan sote-muutostuki Facebookissa",
                            "url": "https://www.facebook.com/johannasotemuutostuki/",
                        }
                    ],
                },
            ),
        ],
    },
]


def _session(day, month, start, end, city, slug):
    """A 2020 tour session in Helsinki time: start/end as (hour, minute)."""
    return {
        "title": city,
        "start": (2020, month, day, *start),
        "end": (2020, month, day, *end),
        "is_online": True,
        "venue": "Verkkotilaisuus",
        # The original page linked each city's own registration form; the
        # demo keeps one link per session, pointing at the organiser's events page.
        "registration_url": f"https://www.soste.fi/tapahtumat/maakuntien-jarjestopaiva-kiertue/#{slug}",
    }


EVENTS = [
    {
        "seed": "004",
        "slug": "maakuntien-jarjestopaiva-kiertue",
        "title": "Maakuntien järjestöpäivä -kiertue",
        "parent": "national",
        "format": "online",
        "organiser": "SOSTE Suomen sosiaali- ja terveys ry",
        "audience": "SOSTEn jäsenjärjestöjen edustajat ja maakuntien järjestötoimijat",
        "regions": [
            "pohjois-savo",
            "pirkanmaa",
            "pohjois-pohjanmaa",
            "helsinki",
            "varsinais-suomi",
        ],
        "keywords": ["sote-uudistus", "järjestöt", "Järjestö 2.0"],
        "lead": (
            "Sosiaali- ja terveyspalvelujen uudistaminen maakuntapohjalta etenee. Kiertueen viidessä "
            "verkkotilaisuudessa keskustellaan sosiaali- ja terveysjärjestöjen yhteisestä "
            "vaikuttamistyöstä ja uudesta ohjelmasta."
        ),
        "registration_notes": (
            "Kiertueeseen sisältyy viisi erillistä tilaisuutta, ja ne toteutetaan virtuaalisesti. "
            "Ilmoittaudu siis sinulle sopivaan tilaisuuteen alla olevista linkeistä. Aiemmat "
            "ilmoittautumiset huomioidaan, joten uutta ilmoittautumista ei tarvita. Tilaisuutta "
            "edeltävällä viikolla sinulle lähetetään lisätietoja tilaisuudesta."
        ),
        "body": [
            (
                "paragraph",
                "Sosiaali- ja terveyspalvelujen uudistaminen maakuntapohjalta etenee. Järjestöt olivat mukana sote-uudistuksen edellisessä vaiheessa sosiaali- ja terveysministeriön rahoittaman Järjestö 2.0: Mukana muutoksessa -avustusohjelman tuella. Hanke päättyy vuoden 2020 lopussa. Tarve sosiaali- ja terveysjärjestöjen yhteiseen vaikuttamistyöhön on kuitenkin edelleen suuri. Vahvana rintamana voidaan turvata myös tulevaisuudessa sosiaali- ja terveysjärjestöjen työ ihmisten hyvinvoinnin ja terveyden sekä toimivien palvelujen edistämiseksi.",
            ),
            (
                "paragraph",
                "Viime syksyn kymmenen alueellisten keskustelutilaisuuden ja 600 osallistujan palautteiden perusteella tarvitaan uusi ohjelma, jotta varmistetaan sosiaali- ja terveysjärjestöjen yhteys ja tehokas vaikuttaminen kunta- ja maakuntarakenteisiin. Järjestöjen keskinäiseen ja kumppaneiden kanssa tehtävään yhteistyöhön tarvitaan toimintatapa, joka turvaa järjestöjen aseman maakuntien ja kuntien strategisena kumppanina. Jatkotyöskentelyssä tulee ottaa huomioon eri alueiden erilaiset tilanteet, tarpeet ja jo kehittyneet rakenteet ja toimintatavat. Maakuntien ja kuntien edustajat korostivat puolestaan järjestöjen yhteisen äänen ja viestin tärkeyttä.",
            ),
            (
                "paragraph",
                "<p>Uuden ohjelman tavoitteena on</p><ul><li>sosiaali- ja terveysjärjestöjen rooli ja toimijaverkostot kuntien ja maakuntien kumppanina kansalaisten sosiaalisen hyvinvoinnin ja terveyden edistämiseksi vakiintuvat,</li><li>järjestötoiminnan merkitys sote-palvelutuotannon sekä hyvinvoinnin ja terveyden edistämisen liittymäpinnoilla selkiytyy ja</li><li>järjestöjen tietojohtamista ja toiminnan näkyväksi tekemistä vahvistetaan tukemalla kansallisen tietopohjan yhdenmukaistamista ja järjestötoimijoiden tulosten osoittamisen osaamista.</li></ul>",
            ),
            (
                "paragraph",
                "Näillä näkymin vuonna 2021 alkava ohjelma voidaan toteuttaa monella mallilla. STEA on määrittänyt jo etukäteen ohjelman henkilöstöresurssit noin 15 henkilötyövuoteen. SOSTEssa tämä on ollut selkeä suunnittelun lähtökohta, ja tämän pohjalta SOSTEn hallitus esittää mallia, jossa ohjelma toteutetaan yhden hankkeen puitteissa koko maassa.",
            ),
            (
                "paragraph",
                "Selkeällä yhden toimijan kokonaisvastuulla hankkeen tavoitteet ja jäsenten saama tuki ovat kansallisesti yhdenmukaisia, kehitettävät toimintamallit yhteensopivia ja toisiaan rikastavia. Työprosessit, resurssit, tiedonkulku ja raportointi ovat hallittavissa ja kansalliset skaalaedut parhaiten saavutettavissa.",
            ),
            (
                "paragraph",
                "Eri järjestötoimijat ovat tuoneet keskusteluun muita malleja. Suurin ero SOSTEn esittämään malliin on, että ohjelmakokonaisuus sisältäisi useita, eri puolella Suomea toimivien järjestöjen hallinnoimia hankkeita, joita koordinoitaisiin koordinaatiohankkeella.",
            ),
            (
                "paragraph",
                "Tilaisuus on suunnattu SOSTEN jäsenjärjestöjen edustajille ja maakuntien järjestötoimijoille. Osallistu tilaisuuksiin ja välitä tietoa kiertueesta jäsenistöllenne ja luottamushenkilöillenne. On tärkeää saada tilaisuuksiin sekä valtakunnallisen että alueellisen ja paikallisen tason osallistujia.",
            ),
        ],
        # The seed gives day and month only; the programme it describes ends in
        # 2020 and the new one starts in 2021, so the tour ran in spring 2020.
        "sessions": [
            _session(23, 3, (12, 0), (14, 30), "Kuopio", "kuopio"),
            _session(24, 3, (9, 0), (11, 30), "Tampere", "tampere"),
            _session(6, 4, (12, 0), (14, 30), "Oulu", "oulu"),
            _session(27, 4, (12, 0), (14, 30), "Helsinki", "helsinki"),
            _session(28, 4, (9, 0), (11, 30), "Turku", "turku"),
        ],
    },
]


def upcoming_event(today=None):
    """A clearly-labelled demo event that is always upcoming when the demo is loaded.

    The seed tour ran in 2020, so its sessions are past and show no registration
    button. This one is invented for the demo (its title says so): its two
    sessions, one online and one on-site, fall four and five weeks after the day
    the demo content is loaded, each with its own registration link.
    """
    today = today or datetime.date.today()
    online = today + datetime.timedelta(days=28)
    onsite = today + datetime.timedelta(days=35)
    return {
        "seed": None,
        "slug": "esimerkkitapahtuma-jarjestoyhteistyon-tyopaja",
        "title": "Esimerkkitapahtuma: Järjestöyhteistyön työpaja",
        "parent": "national",
        "format": "hybrid",
        "organiser": "Pohjois-Karjalan Sosiaaliturvayhdistys ry",
        "audience": "Järjestötoimijat ja hyvinvointialueiden järjestöyhteistyöstä vastaavat",
        "regions": ["pohjois-karjala"],
        "keywords": ["järjestöyhteistyö", "sote-uudistus"],
        "lead": (
            "Tämä on demosisällön esimerkkitapahtuma, jonka päivämäärät lasketaan sisällön "
            "latauspäivästä. Työpajassa kehitetään järjestöjen ja hyvinvointialueen yhteistyötä."
        ),
        "registration_notes": (
            "Työpaja järjestetään kahdesti: ensin verkossa ja viikkoa myöhemmin Joensuussa. "
            "Ilmoittaudu kumpaan tahansa tilaisuuteen sen omasta linkistä."
        ),
        "body": [
            (
                "paragraph",
                "Työpajassa käydään läpi hyvinvointialueen järjestöavustukset, yhteistyörakenteet ja hyte-neuvottelut sekä sovitaan seuraavista askelista. Esimerkkitapahtuma näyttää, miltä tuleva tapahtuma ilmoittautumislinkkeineen näyttää sivustolla.",
            ),
        ],
        "sessions": [
            {
                "title": "Verkkotyöpaja",
                "start": (online.year, online.month, online.day, 13, 0),
                "end": (online.year, online.month, online.day, 15, 30),
                "is_online": True,
                "venue": "Teams-verkkotilaisuus",
                "registration_url": "https://www.pksotu.fi/tapahtumat/esimerkkityopaja-verkko/",
            },
            {
                "title": "Joensuu",
                "start": (onsite.year, onsite.month, onsite.day, 9, 0),
                "end": (onsite.year, onsite.month, onsite.day, 12, 0),
                "is_online": False,
                "venue": "Joensuun kaupungintalo, Rantakatu 20, Joensuu",
                "registration_url": "https://www.pksotu.fi/tapahtumat/esimerkkityopaja-joensuu/",
            },
        ],
    }
