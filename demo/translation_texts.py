# ruff: noqa: E501  (long translated strings read better on one line)
"""Swedish and English texts for the demo translations (see ``translations.py``).

Keys are the Finnish source strings; a key ending in "…" matches any string
that starts with it (long paragraphs). Proper names of organisations stay in
Finnish, as they do in Swedish- and English-language Finnish publications.
"""

# Finnish slugs of the articles and events translated in the demo.
PAGES = [
    "jarjestot-ja-tulevaisuuden-sote-keskus",
    "tulevaisuuden-sote-keskus-tarvitsee-jarjestoja-kumppanikseen",
    "maakuntien-jarjestopaiva-kiertue",
]

REGION_INTRO = {
    "sv": "{official}: samarbetet mellan social- och hälsovårdsorganisationerna i området, "
    "kontaktpersoner och samarbetsstrukturer.",
    "en": "{official}: cooperation between the region's social and health NGOs, contact "
    "people and cooperation structures.",
}

SV = {
    # Home page and listings
    "Kumppanuus": "Kumppanuus",
    "Sosiaali- ja terveysjärjestöjen alueellinen yhteistyö: …": (
        "Regionalt samarbete mellan social- och hälsovårdsorganisationer: nyheter, evenemang "
        "och organisationsnätverken i välfärdsområdena."
    ),
    "Uutiset": "Nyheter",
    "uutiset": "nyheter",
    "Ajankohtaista sosiaali- ja terveysjärjestöjen yhteistyöstä hyvinvointialueilla.": (
        "Aktuellt om social- och hälsovårdsorganisationernas samarbete i välfärdsområdena."
    ),
    "Tapahtumat": "Evenemang",
    "tapahtumat": "evenemang",
    "Tilaisuuksia, koulutuksia ja kiertueita järjestötoimijoille.": (
        "Evenemang, utbildningar och turnéer för aktörer inom organisationerna."
    ),
    "Alueet": "Regioner",
    "alueet": "regioner",
    "Sosiaali- ja terveyspalvelut järjestää 21 hyvinvointialuetta ja Helsingin kaupunki. …": (
        "Social- och hälsovårdstjänsterna ordnas av 21 välfärdsområden och Helsingfors stad. "
        "I varje område har organisationerna ett eget nätverk och egna kontaktpersoner."
    ),
    # Article 000 (Pohjois-Karjala)
    "Järjestöt ja tulevaisuuden sote-keskus": "Organisationerna och framtidens social- och hälsocentral",
    "jarjestot-ja-tulevaisuuden-sote-keskus": "organisationerna-och-framtidens-social-och-halsocentral",
    "Valtakunnallinen sote-uudistus, …": (
        "Den nationella vårdreformen, reformen av social- och hälsovårdens tjänster och "
        "strukturer, är en stor möjlighet för organisationerna att föra in sitt kunnande, sin "
        "verksamhet och sina tjänster i reformen."
    ),
    "Järjestöt ja tulevaisuuden sote-keskus -tilaisuudessa 10.3.2020 Joensuussa …": (
        "Vid evenemanget Organisationerna och framtidens social- och hälsocentral i Joensuu "
        "10.3.2020 presenterades en nationell och regional lägesbild av projektplaneringen "
        "inom programmet Framtidens social- och hälsocentral, och organisationernas perspektiv "
        "fördes in i beredningen av Siun sotes projekt. I gemensamma workshoppar för Siun sote "
        "och organisationerna fördjupade man sig i sex teman: barn, unga och familjecentret, "
        "tjänster för äldre, mentalvårds- och missbrukartjänster, handikappservice, digitala "
        "tjänster samt organisationssamarbete."
    ),
    "Tilaisuuden materiaalit ovat luettavissa …": (
        "Materialet från evenemanget finns att läsa och videosammandraget kan ses till "
        "30.4.2020 i organisationsinformationstjänsten Jelli under Siun sotes "
        "organisationsmöten."
    ),
    "Pohjois-Karjalassa järjestöjen roolia …": (
        "I Norra Karelen har organisationernas roll i programmet för social- och hälsocentraler "
        "dessutom behandlats bland annat vid partnerskapsbordet inom projektet Järjestö 2.0, "
        "som koordineras av Pohjois-Karjalan Sosiaaliturvayhdistys. Partnerskapsbordet består "
        "av företrädare för ett femtontal organisationer samt för Siun sote, Norra Karelens "
        "landskapsförbund och Joensuu stad. Utgående från partnerskapsbordets och evenemangets "
        "10.3.2020 material utarbetar partnerskapsbordet ett förslag om hur "
        "organisationssamarbetet kan utvecklas i Siun sotes projektberedning."
    ),
    "Sosiaali- ja terveysministeriön 19.3.2020 tiedotteen mukaan …": (
        "Enligt social- och hälsovårdsministeriets meddelande 19.3.2020 har ansökningstiden för "
        "statsunderstöden till programmet Framtidens social- och hälsocentral och till "
        "strukturreformen förlängts med en månad på grund av coronaläget, vilket betyder att "
        "projektansökningarna enligt de nya anvisningarna ska lämnas in senast den 30 april."
    ),
    "Järjestöt ja tulevaisuuden sote-keskus -tilaisuus 10.3.2020": (
        "Evenemanget Organisationerna och framtidens social- och hälsocentral 10.3.2020"
    ),
    "Dia-esitys: Tulevaisuuden sote-keskusohjelman mukaisen hankesuunnittelun tilannekuva": (
        "Bildspel: Lägesbild av projektplaneringen inom programmet Framtidens social- och "
        "hälsocentral"
    ),
    "Leena Suhonen, kehittämisasiantuntija, Siun sote": (
        "Leena Suhonen, utvecklingsexpert, Siun sote"
    ),
    "Dia-esitys: Järjestöt sote-keskus -ohjelmassa": (
        "Bildspel: Organisationerna i programmet för social- och hälsocentraler"
    ),
    "Elina Pajula, toiminnan johtaja, Pohjois-Karjalan Sosiaaliturvayhdistys ry": (
        "Elina Pajula, verksamhetsledare, Pohjois-Karjalan Sosiaaliturvayhdistys ry"
    ),
    "Työpajojen muistiot": "Minnesanteckningar från workshopparna",
    "Tilaisuuden videokooste": "Videosammandrag av evenemanget",
    "Lue lisää": "Läs mer",
    "Lue lisää sote-uudistuksesta: www.sote-uudistus.fi": (
        "Läs mer om vårdreformen: www.sote-uudistus.fi"
    ),
    # Article 001 (Pohjois-Pohjanmaa)
    "Tulevaisuuden sote-keskus tarvitsee järjestöjä kumppanikseen": (
        "Framtidens social- och hälsocentral behöver organisationerna som partner"
    ),
    "tulevaisuuden-sote-keskus-tarvitsee-jarjestoja-kumppanikseen": (
        "framtidens-social-och-halsocentral-behover-organisationerna"
    ),
    "Sanna Marinin hallituksen sote-uudistus etenee. …": (
        "Regeringen Marins vårdreform går framåt. Måndagen den 20 januari 2020 öppnades "
        "ansökan om statsunderstöd för den innehållsliga och strukturella reformen av social- "
        "och hälsovårdstjänsterna."
    ),
    "Sisällöllistä uudistamista toteutetaan …": (
        "Den innehållsliga reformen genomförs genom programmet Framtidens social- och "
        "hälsocentral, för vilket landskapen ansöker om understöd. Av årets understöd på 70 "
        "miljoner euro har cirka 7 procent reserverats för Norra Österbotten. Sökande är Norra "
        "Österbottens sjukvårdsdistrikt. För beredningen av strukturreformen har cirka 120 "
        "miljoner euro reserverats."
    ),
    "Tulevaisuuden sote-keskusohjelmalla tavoitellaan …": (
        "Programmet Framtidens social- och hälsocentral strävar efter jämlikhet, en "
        "tyngdpunkt på förebyggande tjänster, smidiga tjänstekedjor och att ansvaret för "
        "social- och hälsovårdstjänsterna flyttas från kommunerna till landskapen. Med hjälp "
        "av programmet utvecklas breda social- och hälsocentraler där invånarna får smidiga "
        "tjänster som motsvarar deras behov. En social- och hälsocentral behöver inte vara en "
        "gemensam byggnad utan en verksamhetsmodell som bygger på en ny arbetsfördelning, "
        "konsultationer mellan yrkespersoner och digitalisering."
    ),
    "Valtionavustushaun tueksi laaditussa oppaassa …": (
        "I handboken för ansökan om statsunderstöd konstateras att framtidens social- och "
        "hälsocentral också behöver ”medborgarsamhällets gemenskaper och organisationer som "
        "partner för att bygga upp invånarnas och klienternas välbefinnande”. Av "
        "projektansökan ska därför framgå hur invånarna och organisationerna görs delaktiga i "
        "planeringen och genomförandet av projektet. Även i projektets styrgrupp ska den "
        "tredje sektorn i området vara företrädd."
    ),
    "Pohjois-Pohjanmaan sosiaali- ja terveysturvayhdistys ry on tehnyt …": (
        "Pohjois-Pohjanmaan sosiaali- ja terveysturvayhdistys ry har lämnat ett förslag till "
        "samarbete till Norra Österbottens sjukvårdsdistrikt om utvecklingen av "
        "organisationssamarbetet i framtidens social- och hälsocentraler. Organisationerna "
        "informeras mer allteftersom förhandlingarna framskrider."
    ),
    "Lisätietoja": "Mer information",
    "Lisätietoja sote-uudistuksen etenemisestä": "Mer information om hur vårdreformen framskrider",
    # The tour event
    "Maakuntien järjestöpäivä -kiertue": "Turnén Landskapens organisationsdag",
    "maakuntien-jarjestopaiva-kiertue": "turnen-landskapens-organisationsdag",
    "Sosiaali- ja terveyspalvelujen uudistaminen maakuntapohjalta etenee. Kiertueen …": (
        "Reformen av social- och hälsovårdstjänsterna på landskapsbasis går framåt. Vid "
        "turnéns fem webbevenemang diskuterar vi social- och hälsovårdsorganisationernas "
        "gemensamma påverkansarbete och det nya programmet."
    ),
    "SOSTE Suomen sosiaali- ja terveys ry": "SOSTE Finlands social och hälsa rf",
    "SOSTEn jäsenjärjestöjen edustajat ja maakuntien järjestötoimijat": (
        "Företrädare för SOSTEs medlemsorganisationer och organisationsaktörer i landskapen"
    ),
    "Kiertueeseen sisältyy viisi erillistä tilaisuutta, …": (
        "Turnén består av fem separata evenemang som ordnas virtuellt. Anmäl dig alltså till "
        "det evenemang som passar dig via länkarna nedan. Tidigare anmälningar beaktas, så du "
        "behöver inte anmäla dig på nytt. Veckan före evenemanget skickas mer information till "
        "dig."
    ),
    "Sosiaali- ja terveyspalvelujen uudistaminen maakuntapohjalta etenee. Järjestöt …": (
        "Reformen av social- och hälsovårdstjänsterna på landskapsbasis går framåt. "
        "Organisationerna deltog i vårdreformens föregående skede med stöd av "
        "understödsprogrammet Järjestö 2.0: Mukana muutoksessa, som finansierades av social- "
        "och hälsovårdsministeriet. Projektet avslutas i slutet av 2020. Behovet av "
        "gemensamt påverkansarbete bland social- och hälsovårdsorganisationerna är dock "
        "fortfarande stort. Som en stark front kan vi också i framtiden trygga "
        "organisationernas arbete för människors välbefinnande och hälsa och för fungerande "
        "tjänster."
    ),
    "Viime syksyn kymmenen alueellisten keskustelutilaisuuden …": (
        "Utgående från responsen från tio regionala diskussionsmöten och 600 deltagare i höstas "
        "behövs ett nytt program för att säkra social- och hälsovårdsorganisationernas kontakt "
        "med och effektiva påverkan på kommun- och landskapsstrukturerna. Organisationernas "
        "samarbete sinsemellan och med partnerna behöver ett arbetssätt som tryggar "
        "organisationernas ställning som strategisk partner för landskapen och kommunerna. I "
        "det fortsatta arbetet ska man beakta olika regioners olika situationer, behov och "
        "redan utvecklade strukturer och arbetssätt. Företrädarna för landskapen och "
        "kommunerna betonade i sin tur vikten av organisationernas gemensamma röst och budskap."
    ),
    "Uuden ohjelman tavoitteena on": "Målet med det nya programmet är att",
    "sosiaali- ja terveysjärjestöjen rooli ja toimijaverkostot …": (
        "social- och hälsovårdsorganisationernas roll och aktörsnätverk som kommunernas och "
        "landskapens partner för att främja medborgarnas sociala välbefinnande och hälsa "
        "etableras,"
    ),
    "järjestötoiminnan merkitys sote-palvelutuotannon …": (
        "organisationsverksamhetens betydelse i gränssnitten mot produktionen av social- och "
        "hälsovårdstjänster och mot främjandet av välbefinnande och hälsa klarnar och"
    ),
    "järjestöjen tietojohtamista ja toiminnan näkyväksi tekemistä …": (
        "organisationernas kunskapsledning och synliggörandet av deras verksamhet stärks genom "
        "att stödja en enhetlig nationell kunskapsbas och organisationsaktörernas förmåga att "
        "visa sina resultat."
    ),
    "Näillä näkymin vuonna 2021 alkava ohjelma …": (
        "Programmet, som enligt nuvarande planer inleds 2021, kan genomföras enligt flera "
        "modeller. STEA har på förhand fastställt programmets personalresurser till cirka 15 "
        "årsverken. För SOSTE har detta varit en tydlig utgångspunkt i planeringen, och på "
        "denna grund föreslår SOSTEs styrelse en modell där programmet genomförs inom ett enda "
        "projekt i hela landet."
    ),
    "Selkeällä yhden toimijan kokonaisvastuulla …": (
        "När en aktör bär det övergripande ansvaret är projektets mål och stödet till "
        "medlemmarna nationellt enhetliga och de verksamhetsmodeller som utvecklas förenliga "
        "och berikar varandra. Arbetsprocesser, resurser, informationsflöde och rapportering "
        "kan hanteras och de nationella skalfördelarna uppnås bäst."
    ),
    "Eri järjestötoimijat ovat tuoneet keskusteluun muita malleja. …": (
        "Olika organisationsaktörer har fört fram andra modeller i diskussionen. Den största "
        "skillnaden jämfört med SOSTEs modell är att programhelheten skulle bestå av flera "
        "projekt som förvaltas av organisationer i olika delar av Finland och som samordnas av "
        "ett koordinationsprojekt."
    ),
    "Tilaisuus on suunnattu SOSTEN jäsenjärjestöjen edustajille …": (
        "Evenemanget riktar sig till företrädare för SOSTEs medlemsorganisationer och till "
        "organisationsaktörer i landskapen. Delta i evenemangen och sprid information om "
        "turnén till era medlemmar och förtroendevalda. Det är viktigt att få deltagare till "
        "evenemangen från såväl nationell som regional och lokal nivå."
    ),
}

EN = {
    # Home page and listings
    "Kumppanuus": "Kumppanuus",
    "Sosiaali- ja terveysjärjestöjen alueellinen yhteistyö: …": (
        "Regional cooperation between social and health NGOs: news, events and the NGO "
        "networks of the wellbeing services counties."
    ),
    "Uutiset": "News",
    "uutiset": "news",
    "Ajankohtaista sosiaali- ja terveysjärjestöjen yhteistyöstä hyvinvointialueilla.": (
        "Current news on the cooperation of social and health NGOs in the wellbeing services "
        "counties."
    ),
    "Tapahtumat": "Events",
    "tapahtumat": "events",
    "Tilaisuuksia, koulutuksia ja kiertueita järjestötoimijoille.": (
        "Events, training and tours for people working in NGOs."
    ),
    "Alueet": "Regions",
    "alueet": "regions",
    "Sosiaali- ja terveyspalvelut järjestää 21 hyvinvointialuetta ja Helsingin kaupunki. …": (
        "Social and health services are organised by 21 wellbeing services counties and the "
        "City of Helsinki. In each region the NGOs have their own network and contact people."
    ),
    # Article 000 (Pohjois-Karjala)
    "Järjestöt ja tulevaisuuden sote-keskus": "NGOs and the health and social services centre of the future",
    "jarjestot-ja-tulevaisuuden-sote-keskus": "ngos-and-the-health-and-social-services-centre-of-the-future",
    "Valtakunnallinen sote-uudistus, …": (
        "The national health and social services reform, the reform of social and health care "
        "services and structures, is a great opportunity for NGOs to bring their expertise, "
        "activities and services into the reform."
    ),
    "Järjestöt ja tulevaisuuden sote-keskus -tilaisuudessa 10.3.2020 Joensuussa …": (
        "At the event 'NGOs and the health and social services centre of the future' in "
        "Joensuu on 10 March 2020, participants heard the national and regional picture of "
        "project planning under the Future Health and Social Services Centres programme, and "
        "brought the NGO perspective into the preparation of Siun sote's project. Joint "
        "workshops of Siun sote and the NGOs explored six themes: children, young people and "
        "the family centre; services for older people; mental health and substance abuse "
        "services; disability services; digital services; and cooperation with NGOs."
    ),
    "Tilaisuuden materiaalit ovat luettavissa …": (
        "The event materials can be read, and a video summary of the event watched until 30 "
        "April 2020, in the Jelli NGO information service under Siun sote's NGO meetings."
    ),
    "Pohjois-Karjalassa järjestöjen roolia …": (
        "In North Karelia, the role of NGOs in the health and social services centre "
        "programme has also been discussed at the partnership table of the Järjestö 2.0 "
        "project, coordinated by Pohjois-Karjalan Sosiaaliturvayhdistys. The partnership "
        "table brings together representatives of some 15 NGOs and of Siun sote, the "
        "Regional Council of North Karelia and the City of Joensuu. Building on its own work "
        "and the materials of the event on 10 March 2020, the partnership table is preparing "
        "a proposal on developing cooperation with NGOs in Siun sote's project preparation."
    ),
    "Sosiaali- ja terveysministeriön 19.3.2020 tiedotteen mukaan …": (
        "According to a press release of the Ministry of Social Affairs and Health of 19 "
        "March 2020, the application period for government grants for the Future Health and "
        "Social Services Centres programme and for the structural reform has been extended by "
        "a month because of the coronavirus situation: under the new guidance, project "
        "applications must be submitted by 30 April at the latest."
    ),
    "Järjestöt ja tulevaisuuden sote-keskus -tilaisuus 10.3.2020": (
        "The event 'NGOs and the health and social services centre of the future', 10 March 2020"
    ),
    "Dia-esitys: Tulevaisuuden sote-keskusohjelman mukaisen hankesuunnittelun tilannekuva": (
        "Slides: the state of project planning under the Future Health and Social Services "
        "Centres programme"
    ),
    "Leena Suhonen, kehittämisasiantuntija, Siun sote": (
        "Leena Suhonen, development specialist, Siun sote"
    ),
    "Dia-esitys: Järjestöt sote-keskus -ohjelmassa": (
        "Slides: NGOs in the health and social services centre programme"
    ),
    "Elina Pajula, toiminnan johtaja, Pohjois-Karjalan Sosiaaliturvayhdistys ry": (
        "Elina Pajula, executive director, Pohjois-Karjalan Sosiaaliturvayhdistys ry"
    ),
    "Työpajojen muistiot": "Notes from the workshops",
    "Tilaisuuden videokooste": "Video summary of the event",
    "Lue lisää": "Read more",
    "Lue lisää sote-uudistuksesta: www.sote-uudistus.fi": (
        "Read more about the health and social services reform: www.sote-uudistus.fi"
    ),
    # Article 001 (Pohjois-Pohjanmaa)
    "Tulevaisuuden sote-keskus tarvitsee järjestöjä kumppanikseen": (
        "The health and social services centre of the future needs NGOs as partners"
    ),
    "tulevaisuuden-sote-keskus-tarvitsee-jarjestoja-kumppanikseen": (
        "the-health-and-social-services-centre-of-the-future-needs-ngos"
    ),
    "Sanna Marinin hallituksen sote-uudistus etenee. …": (
        "The Marin government's health and social services reform is moving forward. On "
        "Monday 20 January 2020, applications opened for government grants for reforming the "
        "content and structure of health and social services."
    ),
    "Sisällöllistä uudistamista toteutetaan …": (
        "The reform of content is carried out through the Future Health and Social Services "
        "Centres programme, for which the regions apply for grants. About 7% of this year's "
        "70 million euros is earmarked for North Ostrobothnia. The applicant is the Northern "
        "Ostrobothnia Hospital District. About 120 million euros is set aside for preparing "
        "the structural reform."
    ),
    "Tulevaisuuden sote-keskusohjelmalla tavoitellaan …": (
        "The Future Health and Social Services Centres programme aims at equality, a shift "
        "towards preventive services, smooth service chains and moving responsibility for "
        "health and social services from the municipalities to the regions. The programme "
        "develops broad-based health and social services centres where residents would get "
        "smooth services that meet their needs. Such a centre is not necessarily a shared "
        "building, but a way of working that makes use of a new division of labour, "
        "consultations between professionals and digitalisation."
    ),
    "Valtionavustushaun tueksi laaditussa oppaassa …": (
        "The guide written for the grant application states that the health and social "
        "services centre of the future also needs \u201ccivil society communities and NGOs as "
        "partners in building the wellbeing of residents and clients\u201d. A project "
        "application must therefore set out how residents and NGOs will take part in planning "
        "and carrying out the project. The project's steering group must also include "
        "representatives of the third sector working in the region."
    ),
    "Pohjois-Pohjanmaan sosiaali- ja terveysturvayhdistys ry on tehnyt …": (
        "Pohjois-Pohjanmaan sosiaali- ja terveysturvayhdistys ry has made a proposal to the "
        "Northern Ostrobothnia Hospital District for cooperation on developing NGO "
        "cooperation in the health and social services centres of the future. NGOs will be "
        "informed further as the negotiations progress."
    ),
    "Lisätietoja": "More information",
    "Lisätietoja sote-uudistuksen etenemisestä": (
        "More information on the progress of the health and social services reform"
    ),
    # The tour event
    "Maakuntien järjestöpäivä -kiertue": "Regional NGO Day tour",
    "maakuntien-jarjestopaiva-kiertue": "regional-ngo-day-tour",
    "Sosiaali- ja terveyspalvelujen uudistaminen maakuntapohjalta etenee. Kiertueen …": (
        "The regional reform of health and social services is moving forward. The tour's "
        "five online events discuss the joint advocacy work of social and health NGOs and the "
        "new programme."
    ),
    "SOSTE Suomen sosiaali- ja terveys ry": "SOSTE Finnish Federation for Social Affairs and Health",
    "SOSTEn jäsenjärjestöjen edustajat ja maakuntien järjestötoimijat": (
        "Representatives of SOSTE's member organisations and NGO actors in the regions"
    ),
    "Kiertueeseen sisältyy viisi erillistä tilaisuutta, …": (
        "The tour consists of five separate events, all held online. Please register for the "
        "event that suits you using the links below. Earlier registrations remain valid, so "
        "there is no need to register again. You will receive more information in the week "
        "before the event."
    ),
    "Sosiaali- ja terveyspalvelujen uudistaminen maakuntapohjalta etenee. Järjestöt …": (
        "The regional reform of health and social services is moving forward. NGOs took part "
        "in the previous phase of the reform with the support of the Järjestö 2.0: Mukana "
        "muutoksessa grant programme funded by the Ministry of Social Affairs and Health. The "
        "project ends at the end of 2020. The need for joint advocacy by social and health "
        "NGOs is still great, however. Standing together, we can also secure in future the "
        "work of NGOs for people's wellbeing and health and for services that work."
    ),
    "Viime syksyn kymmenen alueellisten keskustelutilaisuuden …": (
        "Based on the feedback from last autumn's ten regional discussion events and their "
        "600 participants, a new programme is needed to secure the connection of social and "
        "health NGOs to municipal and regional structures and their effective influence on "
        "them. Cooperation among NGOs and with their partners needs a way of working that "
        "secures the position of NGOs as a strategic partner of the regions and "
        "municipalities. Further work must take into account the different situations, needs "
        "and existing structures and practices of each region. Representatives of the regions "
        "and municipalities, for their part, stressed the importance of a shared voice and "
        "message from the NGOs."
    ),
    "Uuden ohjelman tavoitteena on": "The aims of the new programme are that",
    "sosiaali- ja terveysjärjestöjen rooli ja toimijaverkostot …": (
        "the role and networks of social and health NGOs become established as partners of "
        "the municipalities and regions in promoting people's social wellbeing and health,"
    ),
    "järjestötoiminnan merkitys sote-palvelutuotannon …": (
        "the significance of NGO activities where they meet the production of health and "
        "social services and the promotion of wellbeing and health becomes clearer, and"
    ),
    "järjestöjen tietojohtamista ja toiminnan näkyväksi tekemistä …": (
        "NGOs' knowledge management and the visibility of their work are strengthened by "
        "supporting a consistent national knowledge base and the ability of NGO actors to "
        "demonstrate their results."
    ),
    "Näillä näkymin vuonna 2021 alkava ohjelma …": (
        "The programme, currently expected to start in 2021, can be carried out in several "
        "ways. STEA has set the programme's staff resources in advance at about 15 "
        "person-years. For SOSTE this has been a clear starting point for planning, and on "
        "this basis SOSTE's board proposes a model in which the programme is carried out as a "
        "single nationwide project."
    ),
    "Selkeällä yhden toimijan kokonaisvastuulla …": (
        "With one organisation clearly responsible for the whole, the project's goals and the "
        "support members receive are consistent nationwide, and the ways of working it "
        "develops are compatible and enrich each other. Work processes, resources, "
        "information flow and reporting remain manageable, and national economies of scale "
        "are best achieved."
    ),
    "Eri järjestötoimijat ovat tuoneet keskusteluun muita malleja. …": (
        "Other NGO actors have brought other models into the discussion. The main difference "
        "from SOSTE's model is that the programme would consist of several projects run by "
        "NGOs in different parts of Finland, coordinated by a coordination project."
    ),
    "Tilaisuus on suunnattu SOSTEN jäsenjärjestöjen edustajille …": (
        "The event is intended for representatives of SOSTE's member organisations and for "
        "NGO actors in the regions. Take part in the events and pass information about the "
        "tour on to your members and elected officials. It is important to have participants "
        "from the national, regional and local levels."
    ),
}

TEXTS = {"sv": SV, "en": EN}
