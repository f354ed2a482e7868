namespace Sightline.Core.Standardization;

/// <summary>
/// ISO 3166-1 countries: alpha-2, alpha-3, numeric, then names separated by "|": English and Spanish short and
/// official names (Debian iso-codes 4.15 and its Spanish translation), then common variants and native names.
/// Tab-separated, one row a line.
/// </summary>
internal static class CountryTable
{
    public const string Rows = """
        AD	AND	020	Andorra|Principality of Andorra|Principado de Andorra
        AE	ARE	784	United Arab Emirates|Emiratos Árabes Unidos|UAE|EAU|Emiratos
        AF	AFG	004	Afghanistan|Afganistán|Islamic Republic of Afghanistan|República Islámica de Afganistán
        AG	ATG	028	Antigua and Barbuda|Antigua y Barbuda
        AI	AIA	660	Anguilla|Anguila
        AL	ALB	008	Albania|Republic of Albania|República de Albania
        AM	ARM	051	Armenia|Republic of Armenia|República de Armenia
        AO	AGO	024	Angola|Republic of Angola|República de Angola
        AQ	ATA	010	Antarctica|Antártida
        AR	ARG	032	Argentina|Argentine Republic|República Argentina
        AS	ASM	016	American Samoa|Samoa Estadounidense
        AT	AUT	040	Austria|Republic of Austria|República de Austria|Österreich
        AU	AUS	036	Australia
        AW	ABW	533	Aruba
        AX	ALA	248	Åland Islands|Islas Äland
        AZ	AZE	031	Azerbaijan|Azerbaiyán|Republic of Azerbaijan|República de Azerbaiyán
        BA	BIH	070	Bosnia and Herzegovina|Bosnia y Herzegovina|Republic of Bosnia and Herzegovina|República de Bosnia y Hercegovina
        BB	BRB	052	Barbados
        BD	BGD	050	Bangladesh|Bangladés|People's Republic of Bangladesh|República Popular de Bangladés
        BE	BEL	056	Belgium|Bélgica|Kingdom of Belgium|Reino de Bélgica|België|Belgique
        BF	BFA	854	Burkina Faso|Burquina Faso
        BG	BGR	100	Bulgaria|Republic of Bulgaria|República de Bulgaria
        BH	BHR	048	Bahrain|Baréin|Kingdom of Bahrain|Reino de Baréin
        BI	BDI	108	Burundi|Republic of Burundi|República de Burundi
        BJ	BEN	204	Benin|Benín|Republic of Benin|República de Benín
        BL	BLM	652	Saint Barthélemy|San Bartolomé
        BM	BMU	060	Bermuda|Islas Bermudas
        BN	BRN	096	Brunei Darussalam|Brunei
        BO	BOL	068	Bolivia, Plurinational State of|Bolivia, Estado plurinacional de|Bolivia|Plurinational State of Bolivia|Estado plurinacional de Bolivia
        BQ	BES	535	Bonaire, Sint Eustatius and Saba|Islas BES (Caribe Neerlandés)|Bonaire
        BR	BRA	076	Brazil|Brasil|Federative Republic of Brazil|República Federativa de Brasil
        BS	BHS	044	Bahamas|Commonwealth of the Bahamas|Commonwealth de las Bahamas|The Bahamas
        BT	BTN	064	Bhutan|Bután|Kingdom of Bhutan|Reino de Bután
        BV	BVT	074	Bouvet Island|Isla Bouvet
        BW	BWA	072	Botswana|Botsuana|Republic of Botswana|República de Botsuana
        BY	BLR	112	Belarus|Bielorrusia|Republic of Belarus|República de Bielorrusia
        BZ	BLZ	084	Belize|Belice
        CA	CAN	124	Canada|Canadá
        CC	CCK	166	Cocos (Keeling) Islands|Islas Cocos (Keeling)
        CD	COD	180	Congo, The Democratic Republic of the|Congo, República Democrática del|DR Congo|RD Congo|RDC|DRC|Congo-Kinshasa
        CF	CAF	140	Central African Republic|República Centroafricana
        CG	COG	178	Congo|Republic of the Congo|República del Congo|Congo-Brazzaville
        CH	CHE	756	Switzerland|Suiza|Swiss Confederation|Confederación Suiza|Schweiz|Suisse|Svizzera
        CI	CIV	384	Côte d'Ivoire|Costa de Marfíl|Republic of Côte d'Ivoire|República de Costa de Marfíl|Ivory Coast|Costa de Marfil
        CK	COK	184	Cook Islands|Islas Cook
        CL	CHL	152	Chile|Republic of Chile|República de Chile
        CM	CMR	120	Cameroon|Camerún|Republic of Cameroon|República del Camerún
        CN	CHN	156	China|People's Republic of China|República Popular China|PRC
        CO	COL	170	Colombia|Republic of Colombia|República de Colombia
        CR	CRI	188	Costa Rica|Republic of Costa Rica|República de Costa Rica
        CU	CUB	192	Cuba|Republic of Cuba|República de Cuba
        CV	CPV	132	Cabo Verde|Republic of Cabo Verde|República de Cabo Verde|Cape Verde
        CW	CUW	531	Curaçao|Curazao
        CX	CXR	162	Christmas Island|Isla de Navidad
        CY	CYP	196	Cyprus|Chipre|Republic of Cyprus|República de Chipre
        CZ	CZE	203	Czechia|Chequia|Czech Republic|República Checa|Česko
        DE	DEU	276	Germany|Alemania|Federal Republic of Germany|República Federal de Alemania|Deutschland
        DJ	DJI	262	Djibouti|Yibuti|Republic of Djibouti|República de Yibuti
        DK	DNK	208	Denmark|Dinamarca|Kingdom of Denmark|Reino de Dinamarca|Danmark
        DM	DMA	212	Dominica|Commonwealth of Dominica|Commonwealth de Dominica
        DO	DOM	214	Dominican Republic|República Dominicana|Dominican Rep.|Rep. Dominicana
        DZ	DZA	012	Algeria|People's Democratic Republic of Algeria|República Democrática Popular de Argelia
        EC	ECU	218	Ecuador|Republic of Ecuador|República del Ecuador
        EE	EST	233	Estonia|Republic of Estonia|República de Estonia
        EG	EGY	818	Egypt|Egipto|Arab Republic of Egypt|República Árabe de Egipto
        EH	ESH	732	Western Sahara|Sahara Occidental
        ER	ERI	232	Eritrea|the State of Eritrea|Estado de Eritrea
        ES	ESP	724	Spain|España|Kingdom of Spain|Reino de España
        ET	ETH	231	Ethiopia|Etiopía|Federal Democratic Republic of Ethiopia|República Federal Democrática de Etiopía
        FI	FIN	246	Finland|Finlandia|Republic of Finland|República de Finlandia|Suomi
        FJ	FJI	242	Fiji|Fiyi|Republic of Fiji|República de Fiyi
        FK	FLK	238	Falkland Islands (Malvinas)|Islas Falkland (Malvinas)|Malvinas|Islas Malvinas|Falklands
        FM	FSM	583	Micronesia, Federated States of|Micronesia, Estados Federados de|Federated States of Micronesia|Estados Federados de Micronesia|Micronesia
        FO	FRO	234	Faroe Islands|Islas Feroe
        FR	FRA	250	France|Francia|French Republic|República Francesa
        GA	GAB	266	Gabon|Gabón|Gabonese Republic|República Gabonesa
        GB	GBR	826	United Kingdom|Reino Unido|United Kingdom of Great Britain and Northern Ireland|Reino Unido de Gran Bretaña e Irlanda del Norte|UK|U.K.|Great Britain|Gran Bretaña|Britain|England|Inglaterra|Scotland|Escocia|Wales|Gales|Northern Ireland|Irlanda del Norte
        GD	GRD	308	Grenada|Granada
        GE	GEO	268	Georgia
        GF	GUF	254	French Guiana|Guayana Francesa
        GG	GGY	831	Guernsey
        GH	GHA	288	Ghana|Republic of Ghana|República de Ghana
        GI	GIB	292	Gibraltar
        GL	GRL	304	Greenland|Groenlandia
        GM	GMB	270	Gambia|Republic of the Gambia|República de Gambia|The Gambia
        GN	GIN	324	Guinea|Republic of Guinea|República de Guinea
        GP	GLP	312	Guadeloupe|Guadalupe
        GQ	GNQ	226	Equatorial Guinea|Guinea Ecuatorial|Republic of Equatorial Guinea|República de Guinea Ecuatorial
        GR	GRC	300	Greece|Grecia|Hellenic Republic|República Helénica|EL|Hellas
        GS	SGS	239	South Georgia and the South Sandwich Islands|Islas Georgias del Sur y Sándwich del Sur
        GT	GTM	320	Guatemala|Republic of Guatemala|República de Guatemala
        GU	GUM	316	Guam
        GW	GNB	624	Guinea-Bissau|Guinea-Bisáu|Republic of Guinea-Bissau|República de Guinea-Bissau
        GY	GUY	328	Guyana|Republic of Guyana|República de Guyana
        HK	HKG	344	Hong Kong|Hong Kong Special Administrative Region of China|Región Administrativa Especial China de Hong Kong
        HM	HMD	334	Heard Island and McDonald Islands|Islas Heard y McDonald
        HN	HND	340	Honduras|Republic of Honduras|República de Honduras
        HR	HRV	191	Croatia|Croacia|Republic of Croatia|República de Croacia|Hrvatska
        HT	HTI	332	Haiti|Haití|Republic of Haiti|República de Haití
        HU	HUN	348	Hungary|Hungría|Magyarország
        ID	IDN	360	Indonesia|Republic of Indonesia|República de Indonesia
        IE	IRL	372	Ireland|Irlanda|Éire
        IL	ISR	376	Israel|State of Israel|Estado de Israel
        IM	IMN	833	Isle of Man|Isla de Man
        IN	IND	356	India|Republic of India|República de la India
        IO	IOT	086	British Indian Ocean Territory|Territorio Británico del Océano Índico
        IQ	IRQ	368	Iraq|Irak|Republic of Iraq|República de Irak
        IR	IRN	364	Iran, Islamic Republic of|Irán, República islámica de|Iran|Islamic Republic of Iran|República Islámica de Irán|Irán|Persia
        IS	ISL	352	Iceland|Islandia|Republic of Iceland|República de Islandia
        IT	ITA	380	Italy|Italia|Italian Republic|República Italiana
        JE	JEY	832	Jersey
        JM	JAM	388	Jamaica
        JO	JOR	400	Jordan|Jordania|Hashemite Kingdom of Jordan|Reino Hachemí de Jordania
        JP	JPN	392	Japan|Japón|Nippon
        KE	KEN	404	Kenya|Kenia|Republic of Kenya|República de Kenia
        KG	KGZ	417	Kyrgyzstan|Kirguistán|Kyrgyz Republic|República Kirguiza
        KH	KHM	116	Cambodia|Camboya|Kingdom of Cambodia|Reino de Camboya
        KI	KIR	296	Kiribati|Republic of Kiribati|República de Kiribati
        KM	COM	174	Comoros|Comores, Islas|Union of the Comoros|Unión de las Comores|Comores
        KN	KNA	659	Saint Kitts and Nevis|San Cristóbal y Nieves
        KP	PRK	408	Korea, Democratic People's Republic of|Corea, República Democrática Popular de|North Korea|Democratic People's Republic of Korea|República Popular Democrática de Corea|Corea del Norte
        KR	KOR	410	Korea, Republic of|Corea, República de|South Korea|Republic of Korea|Corea del Sur|Korea|Corea
        KW	KWT	414	Kuwait|State of Kuwait|Estado de Kuwait
        KY	CYM	136	Cayman Islands|Islas Caimán
        KZ	KAZ	398	Kazakhstan|Kazajistán|Republic of Kazakhstan|República de Kazajistán|Kazajstán
        LA	LAO	418	Lao People's Democratic Republic|República Democrática Popular de Lao|Laos
        LB	LBN	422	Lebanon|Líbano|Lebanese Republic|República Libanesa
        LC	LCA	662	Saint Lucia|Santa Lucía
        LI	LIE	438	Liechtenstein|Principality of Liechtenstein|Principado de Liechtenstein
        LK	LKA	144	Sri Lanka|Democratic Socialist Republic of Sri Lanka|República Socialista Democrática de Sri Lanka
        LR	LBR	430	Liberia|Republic of Liberia|República de Liberia
        LS	LSO	426	Lesotho|Lesoto|Kingdom of Lesotho|Reino de Lesoto
        LT	LTU	440	Lithuania|Lituania|Republic of Lithuania|República de Lituania
        LU	LUX	442	Luxembourg|Luxemburgo|Grand Duchy of Luxembourg|Gran Ducado de Luxemburgo
        LV	LVA	428	Latvia|Letonia|Republic of Latvia|República de Letonia
        LY	LBY	434	Libya|Libia
        MA	MAR	504	Morocco|Marruecos|Kingdom of Morocco|Reino de Marruecos
        MC	MCO	492	Monaco|Mónaco|Principality of Monaco|Principado de Mónaco
        MD	MDA	498	Moldova, Republic of|Moldavia, República de|Moldova|Moldavia|Republic of Moldova|República de Moldavia
        ME	MNE	499	Montenegro
        MF	MAF	663	Saint Martin (French part)|San Martín (zona francesa)
        MG	MDG	450	Madagascar|Republic of Madagascar|República de Madagascar
        MH	MHL	584	Marshall Islands|Islas Marshall|Republic of the Marshall Islands|República de las Islas Marshall
        MK	MKD	807	North Macedonia|Macedonia del Norte|Republic of North Macedonia|República de Macedonia del Norte|Macedonia
        ML	MLI	466	Mali|Malí|Republic of Mali|República de Mali
        MM	MMR	104	Myanmar|Birmania|Republic of Myanmar|República de la Unión de Myanmar|Burma
        MN	MNG	496	Mongolia
        MO	MAC	446	Macao|Macao Special Administrative Region of China|Región Administrativa Especial China de Macao|Macau
        MP	MNP	580	Northern Mariana Islands|Islas Marianas del Norte|Commonwealth of the Northern Mariana Islands|Commonwealth de las Islas Marianas del Norte
        MQ	MTQ	474	Martinique|Martinica
        MR	MRT	478	Mauritania|Islamic Republic of Mauritania|República Islámica de Mauritania
        MS	MSR	500	Montserrat
        MT	MLT	470	Malta|Republic of Malta|República de Malta
        MU	MUS	480	Mauritius|Mauricio|Republic of Mauritius|República de Mauricio
        MV	MDV	462	Maldives|Islas Maldivas|Republic of Maldives|República de Maldivas
        MW	MWI	454	Malawi|Malaui|Republic of Malawi|República de Malawi
        MX	MEX	484	Mexico|México|United Mexican States|Estados Unidos Mexicanos
        MY	MYS	458	Malaysia|Malasia
        MZ	MOZ	508	Mozambique|Republic of Mozambique|República de Mozambique
        NA	NAM	516	Namibia|Republic of Namibia|República de Namibia
        NC	NCL	540	New Caledonia|Nueva Caledonia
        NE	NER	562	Niger|Republic of the Niger|República del Níger
        NF	NFK	574	Norfolk Island|Isla Norfolk
        NG	NGA	566	Nigeria|Federal Republic of Nigeria|República Federal de Nigeria
        NI	NIC	558	Nicaragua|Republic of Nicaragua|República de Nicaragua
        NL	NLD	528	Netherlands|Países Bajos|Kingdom of the Netherlands|Reino de los Países Bajos|Holland|Holanda|The Netherlands|Nederland
        NO	NOR	578	Norway|Noruega|Kingdom of Norway|Reino de Noruega|Norge
        NP	NPL	524	Nepal|Federal Democratic Republic of Nepal|República Federal Democrática de Nepal
        NR	NRU	520	Nauru|Republic of Nauru|República de Nauru
        NU	NIU	570	Niue
        NZ	NZL	554	New Zealand|Nueva Zelanda
        OM	OMN	512	Oman|Omán|Sultanate of Oman|Sultanato de Omán
        PA	PAN	591	Panama|Panamá|Republic of Panama|República de Panamá
        PE	PER	604	Peru|Perú|Republic of Peru|República del Perú
        PF	PYF	258	French Polynesia|Polinesia Francesa
        PG	PNG	598	Papua New Guinea|Papúa Nueva Guinea|Independent State of Papua New Guinea|Estado Independiente de Papúa Nueva Guinea
        PH	PHL	608	Philippines|Filipinas|Republic of the Philippines|República de Filipinas
        PK	PAK	586	Pakistan|Pakistán|Islamic Republic of Pakistan|República Islámica de Pakistán
        PL	POL	616	Poland|Polonia|Republic of Poland|República de Polonia|Polska
        PM	SPM	666	Saint Pierre and Miquelon|San Pedro y Miquelon
        PN	PCN	612	Pitcairn
        PR	PRI	630	Puerto Rico
        PS	PSE	275	Palestine, State of|Palestina, Estado de|the State of Palestine|Estado de Palestina|Palestine|Palestina
        PT	PRT	620	Portugal|Portuguese Republic|República Portuguesa
        PW	PLW	585	Palau|Palaos|Republic of Palau|República de Palau
        PY	PRY	600	Paraguay|Republic of Paraguay|República del Paraguay
        QA	QAT	634	Qatar|Catar|State of Qatar|Estado de Qatar
        RE	REU	638	Réunion|Reunión
        RO	ROU	642	Romania|Rumanía|România|Rumania
        RS	SRB	688	Serbia|Republic of Serbia|República de Serbia
        RU	RUS	643	Russian Federation|Federación Rusa|Russia|Rusia
        RW	RWA	646	Rwanda|Ruanda|Rwandese Republic|República de Ruanda
        SA	SAU	682	Saudi Arabia|Arabia Saudí|Kingdom of Saudi Arabia|Reino de Arabia Saudí|Arabia Saudita
        SB	SLB	090	Solomon Islands|Islas Salomón
        SC	SYC	690	Seychelles|Republic of Seychelles|República de las Seychelles
        SD	SDN	729	Sudan|Sudán|Republic of the Sudan|República de Sudán
        SE	SWE	752	Sweden|Suecia|Kingdom of Sweden|Reino de Suecia|Sverige
        SG	SGP	702	Singapore|Singapur|Republic of Singapore|República de Singapur
        SH	SHN	654	Saint Helena, Ascension and Tristan da Cunha|Santa Elena, Ascensión y Tristán de Acuña|Saint Helena|Santa Elena
        SI	SVN	705	Slovenia|Eslovenia|Republic of Slovenia|República de Eslovenia
        SJ	SJM	744	Svalbard and Jan Mayen|Svalbard y Jan Mayen
        SK	SVK	703	Slovakia|Eslovaquia|Slovak Republic|República Eslovaca
        SL	SLE	694	Sierra Leone|Sierra Leona|Republic of Sierra Leone|República de Sierra Leona
        SM	SMR	674	San Marino|Republic of San Marino|República de San Marino
        SN	SEN	686	Senegal|Republic of Senegal|República del Senegal
        SO	SOM	706	Somalia|Federal Republic of Somalia|República Federal de Somalia
        SR	SUR	740	Suriname|Surinám|Republic of Suriname|República de Surinam
        SS	SSD	728	South Sudan|Sudán del Sur|Republic of South Sudan|República de Sudán del Sur
        ST	STP	678	Sao Tome and Principe|Santo Tomé y Príncipe|Democratic Republic of Sao Tome and Principe|República Democrática de Santo Tomé y Príncipe
        SV	SLV	222	El Salvador|Republic of El Salvador|República de El Salvador
        SX	SXM	534	Sint Maarten (Dutch part)|Isla de San Martín (zona holandsea)
        SY	SYR	760	Syrian Arab Republic|República árabe de Siria|Syria|Siria
        SZ	SWZ	748	Eswatini|Esuatini|Kingdom of Eswatini|Reino de Esuatini|Swaziland|Suazilandia
        TC	TCA	796	Turks and Caicos Islands|Islas Turcas y Caicos
        TD	TCD	148	Chad|Republic of Chad|República del Chad
        TF	ATF	260	French Southern Territories|Territorios Franceses del Sur
        TG	TGO	768	Togo|Togolese Republic|República Togolesa
        TH	THA	764	Thailand|Tailandia|Kingdom of Thailand|Reino de Tailandia
        TJ	TJK	762	Tajikistan|Tayikistán|Republic of Tajikistan|República de Tayikistán
        TK	TKL	772	Tokelau
        TL	TLS	626	Timor-Leste|Timor Oriental|Democratic Republic of Timor-Leste|República Democrática de Timor Oriental|East Timor
        TM	TKM	795	Turkmenistan|Turkmenistán
        TN	TUN	788	Tunisia|Tunez|Republic of Tunisia|República de Túnez
        TO	TON	776	Tonga|Kingdom of Tonga|Reino de Tonga
        TR	TUR	792	Türkiye|Republic of Türkiye|Turkey|Turquía
        TT	TTO	780	Trinidad and Tobago|Trinidad y Tobago|Republic of Trinidad and Tobago|República de Trinidad y Tobago
        TV	TUV	798	Tuvalu
        TW	TWN	158	Taiwan, Province of China|Taiwán, Provincia de China|Taiwan|Taiwán
        TZ	TZA	834	Tanzania, United Republic of|Tanzania, República unida de|Tanzania|United Republic of Tanzania|República Unida de Tanzania
        UA	UKR	804	Ukraine|Ucrania
        UG	UGA	800	Uganda|Republic of Uganda|República de Uganda
        UM	UMI	581	United States Minor Outlying Islands|Islas Ultramarinas Menores de Estados Unidos
        US	USA	840	United States|Estados Unidos|United States of America|Estados Unidos de América|USA|U.S.A.|U.S.|EE. UU.|EEUU|EE.UU.|E.U.A.|Estados Unidos de Norteamérica
        UY	URY	858	Uruguay|Eastern Republic of Uruguay|República Oriental del Uruguay
        UZ	UZB	860	Uzbekistan|Uzbekistán|Republic of Uzbekistan|República de Uzbekistán
        VA	VAT	336	Holy See (Vatican City State)|Santa Sede (Ciudad Estado del Vaticano)|Vatican|Vatican City|Vaticano|Ciudad del Vaticano
        VC	VCT	670	Saint Vincent and the Grenadines|San Vicente y las Granadinas
        VE	VEN	862	Venezuela, Bolivarian Republic of|Venezuela, República Bolivariana de|Venezuela|Bolivarian Republic of Venezuela|República Bolivariana de Venezuela
        VG	VGB	092	Virgin Islands, British|Islas Vírgenes, Británicas|British Virgin Islands|Islas Vírgenes Británicas|Virgin Islands|Islas Vírgenes
        VI	VIR	850	Virgin Islands, U.S.|Islas Vírgenes, de EEUU|Virgin Islands of the United States|Islas Vírgenes de los Estados Unidos|US Virgin Islands|U.S. Virgin Islands
        VN	VNM	704	Viet Nam|Vietnam|Socialist Republic of Viet Nam|República Socialista de Vietnam
        VU	VUT	548	Vanuatu|Republic of Vanuatu|República de Vanuatu
        WF	WLF	876	Wallis and Futuna|Wallis y Futuna
        WS	WSM	882	Samoa|Independent State of Samoa|Estado Independiente de Samoa
        YE	YEM	887	Yemen|Republic of Yemen|República del Yemen
        YT	MYT	175	Mayotte
        ZA	ZAF	710	South Africa|Sudáfrica|Republic of South Africa|República de Sudáfrica
        ZM	ZMB	894	Zambia|Republic of Zambia|República de Zambia
        ZW	ZWE	716	Zimbabwe|Zimbabue|Republic of Zimbabwe|República de Zimbabue
        """;
}
