namespace Sightline.Core.Standardization;

/// <summary>
/// Active ISO 4217 currencies: code, numeric code, minor units, English and Spanish names separated by "|"
/// (Debian iso-codes 4.15 and its Spanish translation, plus plurals and common names), then symbols separated by spaces.
/// Tab-separated, one row a line.
/// </summary>
internal static class CurrencyTable
{
    public const string Rows = """
        AED	784	2	UAE Dirham|Dírham emiratí
        AFN	971	2	Afghani|Afganí
        ALL	008	2	Lek
        AMD	051	2	Armenian Dram|Dram armenio
        ANG	532	2	Netherlands Antillean Guilder|Florín antillano neerlandés
        AOA	973	2	Kwanza
        ARS	032	2	Argentine Peso|Peso argentino|pesos argentinos	AR$
        AUD	036	2	Australian Dollar|Dólar australiano|dólar australiano|Australian dollars	A$ AU$
        AWG	533	2	Aruban Florin|Florín arubeño
        AZN	944	2	Azerbaijan Manat	₼
        BAM	977	2	Convertible Mark|Marco convertible
        BBD	052	2	Barbados Dollar|Dólar barbadense
        BDT	050	2	Taka
        BGN	975	2	Bulgarian Lev|Lev búlgaro
        BHD	048	3	Bahraini Dinar|Dinar bareiní
        BIF	108	0	Burundi Franc|Franco burundés
        BMD	060	2	Bermudian Dollar|Dólar bermudeño
        BND	096	2	Brunei Dollar|Dólar bruneano
        BOB	068	2	Boliviano|bolivianos
        BOV	984	2	Mvdol
        BRL	986	2	Brazilian Real|Real brasileño|real|reales|reales brasileños|Brazilian reais|reais	R$
        BSD	044	2	Bahamian Dollar|Dólar bahameño
        BTN	064	2	Ngultrum
        BWP	072	2	Pula
        BYN	933	2	Belarusian Ruble|Rublo bielorruso
        BZD	084	2	Belize Dollar|Dólar beliceño
        CAD	124	2	Canadian Dollar|Dólar canadiense|dólar canadiense|dólares canadienses|Canadian dollars	CA$ C$ Can$
        CDF	976	2	Congolese Franc|Franco congoleño
        CHE	947	2	WIR Euro
        CHF	756	2	Swiss Franc|Franco suizo|franco suizo|francos suizos|Swiss francs
        CHW	948	2	WIR Franc
        CLF	990	4	Unidad de Fomento
        CLP	152	0	Chilean Peso|Peso chileno|pesos chilenos	CLP$
        CNY	156	2	Yuan Renminbi|Yuan renminbi|yuan|renminbi|RMB|yuan renminbi	元
        COP	170	2	Colombian Peso|Peso colombiano|pesos colombianos	COL$
        COU	970	2	Unidad de Valor Real
        CRC	188	2	Costa Rican Colon|Colón costarricense|colón costarricense|colones	₡
        CUP	192	2	Cuban Peso|Peso cubano|pesos cubanos
        CVE	132	2	Cabo Verde Escudo|Escudo caboverdiano
        CZK	203	2	Czech Koruna|Corona checa|corona checa|coronas checas	Kč
        DJF	262	0	Djibouti Franc|Franco yibutiano
        DKK	208	2	Danish Krone|Corona danesa|corona danesa|coronas danesas
        DOP	214	2	Dominican Peso|Peso dominicano|pesos dominicanos
        DZD	012	2	Algerian Dinar|Dinar argelino
        EGP	818	2	Egyptian Pound|Libra egipcia
        ERN	232	2	Nakfa
        ETB	230	2	Ethiopian Birr|Birr etíope
        EUR	978	2	Euro|euros	€
        FJD	242	2	Fiji Dollar|Dólar fiyiano
        FKP	238	2	Falkland Islands Pound|Libra malvinense
        GBP	826	2	Pound Sterling|Libra esterlina|pound|pounds|libra|libras|libras esterlinas|sterling|British pound|British pounds	£
        GEL	981	2	Lari	₾
        GHS	936	2	Ghana Cedi|Cedi ghanés	₵
        GIP	292	2	Gibraltar Pound|Libra gibraltareña
        GMD	270	2	Dalasi
        GNF	324	0	Guinean Franc
        GTQ	320	2	Quetzal|quetzal|quetzales
        GYD	328	2	Guyana Dollar|Dólar guayanés
        HKD	344	2	Hong Kong Dollar|Dólar hongkonés	HK$
        HNL	340	2	Lempira|lempira|lempiras
        HTG	332	2	Gourde|Gourde haitiano
        HUF	348	2	Forint|Forint húngaro
        IDR	360	2	Rupiah|Rupia indonesia
        ILS	376	2	New Israeli Sheqel|Nuevo séquel israelí	₪
        INR	356	2	Indian Rupee|Rupia india|rupia india|rupias indias|rupee|rupees	₹
        IQD	368	3	Iraqi Dinar|Dinar iraquí
        IRR	364	2	Iranian Rial|Rial iraní
        ISK	352	0	Iceland Krona|Corona islandesa
        JMD	388	2	Jamaican Dollar|Dólar jamaiqueño
        JOD	400	3	Jordanian Dinar|Dinar jordano
        JPY	392	0	Yen|yenes|Japanese yen|yen japonés	¥ ￥ 円
        KES	404	2	Kenyan Shilling|Chelín keniata
        KGS	417	2	Som
        KHR	116	2	Riel|Riel camboyano
        KMF	174	0	Comorian Franc
        KPW	408	2	North Korean Won|Won norcoreano
        KRW	410	0	Won|Won surcoreano|won|won surcoreano	₩
        KWD	414	3	Kuwaiti Dinar|Dinar kuwaití
        KYD	136	2	Cayman Islands Dollar|Dólar caimanés
        KZT	398	2	Tenge	₸
        LAK	418	2	Lao Kip	₭
        LBP	422	2	Lebanese Pound|Libra libanesa
        LKR	144	2	Sri Lanka Rupee|Rupia esrilanquesa
        LRD	430	2	Liberian Dollar|Dólar liberiano
        LSL	426	2	Loti
        LYD	434	3	Libyan Dinar|Dinar libio
        MAD	504	2	Moroccan Dirham|Dírham marroquí|dirham marroquí|dírham marroquí|dirhams
        MDL	498	2	Moldovan Leu|Leu moldavo
        MGA	969	2	Malagasy Ariary|Ariary malgache
        MKD	807	2	Denar
        MMK	104	2	Kyat
        MNT	496	2	Tugrik	₮
        MOP	446	2	Pataca
        MRU	929	2	Ouguiya|Uquiya
        MUR	480	2	Mauritius Rupee|Rupia mauriciana
        MVR	462	2	Rufiyaa
        MWK	454	2	Malawi Kwacha|Kwacha malauí
        MXN	484	2	Mexican Peso|Peso mexicano|pesos mexicanos|peso mexicano	MX$ Mex$
        MXV	979	2	Mexican Unidad de Inversion (UDI)
        MYR	458	2	Malaysian Ringgit|Ringgit malasio
        MZN	943	2	Mozambique Metical|Metical mozambiqueño
        NAD	516	2	Namibia Dollar|Dólar namibio
        NGN	566	2	Naira	₦
        NIO	558	2	Cordoba Oro|Córdoba|córdoba|córdobas
        NOK	578	2	Norwegian Krone|Corona noruega|corona noruega|coronas noruegas
        NPR	524	2	Nepalese Rupee|Rupia nepalesa
        NZD	554	2	New Zealand Dollar|Dólar neozelandés	NZ$
        OMR	512	3	Rial Omani|Rial omaní
        PAB	590	2	Balboa|balboa|balboas
        PEN	604	2	Sol|sol peruano|soles|nuevo sol|nuevos soles|soles peruanos	S/ S/.
        PGK	598	2	Kina
        PHP	608	2	Philippine Peso|Peso filipino|pesos filipinos	₱
        PKR	586	2	Pakistan Rupee|Rupia pakistaní
        PLN	985	2	Zloty|zloty|zlotys|złoty	zł
        PYG	600	0	Guarani|Guaraní|guaraní|guaraníes	₲
        QAR	634	2	Qatari Rial|Rial catarí
        RON	946	2	Romanian Leu|Leu rumano
        RSD	941	2	Serbian Dinar|Dinar serbio
        RUB	643	2	Russian Ruble|Rublo ruso|rublo|rublos|ruble|rubles	₽
        RWF	646	0	Rwanda Franc|Franco ruandés
        SAR	682	2	Saudi Riyal|Rial saudí
        SBD	090	2	Solomon Islands Dollar|Dólar salomonense
        SCR	690	2	Seychelles Rupee|Rupia seychellense
        SDG	938	2	Sudanese Pound|Libra sudanesa
        SEK	752	2	Swedish Krona|Corona sueca|corona sueca|coronas suecas
        SGD	702	2	Singapore Dollar|Dólar singapurense	S$
        SHP	654	2	Saint Helena Pound|Libra santaeleniana
        SLE	925	2	Leone
        SLL	694	2
        SOS	706	2	Somali Shilling|Chelín somalí
        SRD	968	2	Surinam Dollar|Dólar surinamés
        SSP	728	2	South Sudanese Pound|Libra sursudanesa
        STN	930	2	Dobra
        SVC	222	2	El Salvador Colon|Colón salvadoreño
        SYP	760	2	Syrian Pound|Libra siria
        SZL	748	2	Lilangeni|Lilangeni suazi
        THB	764	2	Baht	฿
        TJS	972	2	Somoni
        TMT	934	2	Turkmenistan New Manat|Nuevo manat turcomano
        TND	788	3	Tunisian Dinar|Dinar tunecino
        TOP	776	2	Pa’anga|Paʻanga
        TRY	949	2	Turkish Lira|Lira turca|lira turca|liras turcas	₺
        TTD	780	2	Trinidad and Tobago Dollar|Dólar trinitense
        TWD	901	2	New Taiwan Dollar|Nuevo dólar taiwanés
        TZS	834	2	Tanzanian Shilling|Chelín tanzano
        UAH	980	2	Hryvnia|Grivnia	₴
        UGX	800	0	Uganda Shilling|Chelín ugandés
        USD	840	2	US Dollar|Dólar estadounidense|dollar|dollars|dólar|dolar|dólares|dolares|dólar americano|dólares americanos|dólares estadounidenses|dolar estadounidense|US dollars	$ US$ U$S U$D USD$
        USN	997	2	US Dollar (Next day)
        UYI	940	0	Uruguay Peso en Unidades Indexadas (UI)
        UYU	858	2	Peso Uruguayo|Peso uruguayo|pesos uruguayos	$U UY$
        UYW	927	4	Unidad Previsional
        UZS	860	2	Uzbekistan Sum|Som uzbeco
        VED	926	2
        VES	928	2	Bolívar Soberano|bolívar|bolívares|bolivar
        VND	704	0	Dong	₫
        VUV	548	0	Vatu
        WST	882	2	Tala
        XAF	950	0	CFA Franc BEAC|franco CFA BEAC
        XCD	951	2	East Caribbean Dollar|Dólar del Caribe oriental
        XCG	532	2	Caribbean Guilder
        XOF	952	0	CFA Franc BCEAO|franco CFA BCEAO
        XPF	953	0	CFP Franc|Franco CFP
        YER	886	2	Yemeni Rial|Rial yemení
        ZAR	710	2	Rand
        ZMW	967	2	Zambian Kwacha|Kwacha zambiano
        ZWG	924	2	Zimbabwe Gold
        ZWL	932	2	Zimbabwe Dollar|Dólar zimbabuense
        """;
}
