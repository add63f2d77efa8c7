/* codewords.c: the 2,048 Dutch words of one-time and recovery codes (11 bits a word). */
#include "wijktafel/codewords.h"

#include <stdlib.h>
#include <string.h>

/* Plain Dutch nouns of 4 to 8 letters a-z, in byte order (for bsearch): taken
 * from Debian's wdutch list, keeping words that have a plural and a
 * diminutive there (things people can picture), the shortest first, less a
 * hand-made list of words nobody wants to read aloud. */
static const char *const codewords[CODEWORDS_COUNT] = {
    "aambeeld", "aard", "aardbei", "abonnee", "accent", "acht", "actrice", "adder",
    "ader", "adviseur", "afdak", "afdrager", "affaire", "affiche", "aflegger", "afstand",
    "agent", "ajuin", "aker", "akker", "akkoord", "album", "altaar", "alver",
    "amandel", "amateur", "anekdote", "angel", "anker", "antenne", "antwoord", "apart",
    "apenland", "appel", "appelaar", "armband", "artikel", "aster", "atelier", "attachee",
    "autoband", "avond", "baai", "baar", "baard", "babbel", "badkamer", "bakfiets",
    "bakker", "bakkerij", "baksel", "bakwagen", "balein", "balg", "balk", "ballad",
    "ballade", "bamboe", "band", "bandiet", "banier", "bank", "bankroet", "barbecue",
    "barette", "barst", "baslijn", "bastaard", "batterij", "bazaar", "bazuin", "bedank",
    "bedel", "bedelaar", "bedlamp", "bedrag", "beeld", "beest", "begijn", "behang",
    "beignet", "beitel", "beker", "bekken", "belang", "belegsel", "beletsel", "belle",
    "bengel", "berceuse", "berg", "bergdorp", "bergeend", "bericht", "beschuit", "bestand",
    "bestek", "beugel", "beur", "beurt", "bever", "bezem", "bezoek", "bezoeker",
    "bidbank", "bidet", "bidstoel", "bier", "bierbuik", "biet", "bijbel", "bijl",
    "bijou", "bijt", "bijter", "bijtfout", "bijtwond", "bikkel", "biljart", "bint",
    "biscuit", "bitter", "blaker", "blauw", "blazer", "blei", "blein", "blessure",
    "blijver", "blinker", "bloed", "bloedbad", "bloem", "bloesem", "blog", "blond",
    "blondine", "blouse", "blow", "bobbel", "bobijn", "bochel", "bocht", "bockbier",
    "bodem", "boedel", "boek", "boekerij", "boekwerk", "boel", "boemel", "boender",
    "boer", "boert", "boezel", "boezem", "bolster", "bonne", "bont", "bontmuts",
    "boom", "boord", "boot", "bopper", "bord", "bordpunt", "borgmoer", "borrel",
    "borst", "borstel", "bosbrand", "bosfeest", "bosmier", "bosplant", "boter", "bottine",
    "bougie", "bout", "bouvier", "bouwsel", "bouwwerk", "brancard", "brand", "brander",
    "brasem", "breister", "breiwerk", "breuk", "brevier", "brief", "bries", "briljant",
    "broeder", "broek", "broer", "brommer", "bruid", "bruin", "brunette", "brutaal",
    "bubbel", "buffel", "buidel", "buik", "buikband", "buil", "buit", "buiten",
    "bullet", "bundel", "bungalow", "bunker", "bureau", "burijn", "buskaart", "bussel",
    "bustocht", "buurdorp", "buurland", "buurt", "cadeau", "cahier", "cake", "cape",
    "capsule", "cedel", "ceder", "ceintuur", "cent", "chalet", "cheque", "chip",
    "cijfer", "cilinder", "circuit", "cirkel", "citer", "citroen", "clip", "clique",
    "club", "cognac", "colbert", "collie", "column", "computer", "concert", "concours",
    "corvee", "coterie", "coup", "coupe", "cowboy", "cracker", "crapaud", "daalder",
    "dadel", "dagboek", "dagkaart", "dagtocht", "dakkamer", "dame", "dans", "dansclub",
    "danseuse", "darm", "deal", "debacle", "decor", "deel", "deern", "deficit",
    "degen", "dejeuner", "deken", "deksel", "denker", "denkfout", "denktank", "depot",
    "dessert", "dessin", "detail", "deugniet", "deuk", "deun", "deur", "diamant",
    "dictee", "dienster", "dier", "diesel", "dijk", "dijkdorp", "dikkerd", "diner",
    "ding", "dipsaus", "disk", "display", "dissel", "distel", "dobber", "dochter",
    "document", "doedel", "doek", "doel", "doelpunt", "doffer", "dokter", "dolfijn",
    "domper", "dooier", "doopboek", "doopjurk", "doorkijk", "doorn", "doperwt", "doren",
    "dorp", "dorpel", "dossier", "douceur", "douche", "douw", "dozijn", "draai",
    "dragee", "drank", "drempel", "dreun", "drie", "driehoek", "droog", "drop",
    "droppel", "druiper", "drukfout", "drukknop", "druktank", "drukwerk", "druppel", "dubbel",
    "duffel", "duik", "duiker", "duim", "duin", "duit", "duivel", "duizend",
    "duvel", "dweil", "dwerg", "echel", "eclips", "edammer", "eekhoorn", "eekhoren",
    "eenakter", "eend", "eettent", "effect", "egel", "eiber", "eikel", "eiland",
    "eind", "eindtune", "ekster", "elastiek", "element", "emmer", "emplooi", "employee",
    "enclave", "engel", "enkel", "enter", "entree", "epistel", "erelijst", "erker",
    "erwt", "escapade", "eskader", "essay", "etappe", "etter", "etui", "euvel",
    "ever", "examen", "expert", "ezel", "fabel", "fabriek", "factorij", "fakkel",
    "falie", "fanfare", "faun", "fauteuil", "faveur", "feest", "feil", "feit",
    "femelaar", "festoen", "fiancee", "fiedel", "fiets", "fietsdag", "fietser", "file",
    "filet", "film", "filter", "fistel", "flambouw", "flapper", "flat", "flater",
    "flauwte", "flens", "flexie", "flinter", "flobert", "flodder", "flop", "fluim",
    "fluit", "fluiter", "fluwijn", "foef", "fokkerij", "folder", "fontein", "fooi",
    "fopperij", "forfait", "formule", "fortuin", "forum", "fotoboek", "fout", "fragment",
    "frame", "franc", "franje", "frase", "frater", "freule", "friet", "frommel",
    "front", "froufrou", "frutsel", "gaai", "gaffel", "galajurk", "galappel", "galerij",
    "galg", "galjoen", "galm", "game", "gang", "gaslamp", "gast", "gebed",
    "gebied", "gebouw", "gedicht", "geel", "geer", "geeuw", "geheim", "gehucht",
    "gein", "geit", "geldkist", "geldzak", "geluid", "gelul", "gelule", "genoffel",
    "geranium", "gerecht", "geschenk", "geul", "geur", "gevel", "gezicht", "gids",
    "giebel", "giechel", "gieter", "giraffe", "glimlach", "glimp", "glitter", "goal",
    "goed", "golf", "golflijn", "gondel", "gordel", "gordijn", "gorgel", "goudmijn",
    "goudvink", "gozer", "gracht", "grafiek", "grafveld", "grasdijk", "grashalm", "grasland",
    "grasperk", "grasveld", "grauw", "green", "grein", "grendel", "greppel", "griep",
    "griet", "griezel", "griffel", "grill", "grille", "grimlach", "griot", "groen",
    "groent", "groep", "groot", "grot", "gulden", "gymp", "haai", "haak",
    "haakwerk", "haar", "haarband", "hagelbui", "hall", "halm", "halsband", "halsdoek",
    "halster", "halter", "hamer", "hand", "handboek", "handdoek", "handel", "handpers",
    "handpomp", "handvat", "handwerk", "hangaar", "hangar", "hangbuik", "hanger", "hangslot",
    "harp", "harpoen", "harrel", "hart", "haspel", "hauw", "haven", "heer",
    "heester", "heibel", "heks", "helm", "helper", "helpster", "hemd", "hemel",
    "hendel", "hengel", "hengsel", "herder", "hert", "heul", "heuvel", "hevel",
    "hiel", "historie", "hobbel", "hoed", "hoek", "hoekbank", "hoekkast", "hoekpand",
    "hoen", "hoepel", "hoest", "hommel", "hommer", "hond", "honderd", "hoofd",
    "hooiland", "hoorn", "horen", "horloge", "horzel", "houder", "hout", "houw",
    "houwer", "huid", "huisdier", "huishond", "huiswerk", "huiswijn", "hulp", "hulpboek",
    "hulplijn", "humeur", "hummel", "ijsboer", "ijskast", "ijsvloer", "ijsvogel", "ijswafel",
    "ijzer", "incident", "indiaan", "inkijk", "inkopper", "invite", "invitee", "inwoner",
    "item", "jaar", "jaarboek", "jaarclub", "jabot", "jacht", "jaeger", "jager",
    "jaguar", "jazzband", "jekker", "jockey", "join", "jokken", "jong", "jonker",
    "juffer", "jumper", "jurk", "kaai", "kaar", "kaars", "kaart", "kaasboer",
    "kaasdoek", "kaassaus", "kabaai", "kabel", "kabouter", "kachel", "kadaver", "kade",
    "kadee", "kader", "kaketoe", "kakhoofd", "kalander", "kalender", "kalkoen", "kamer",
    "kanarie", "kans", "kansel", "kant", "kantwerk", "kaper", "kapittel", "kapo",
    "kapoen", "kapper", "kaproen", "kapsel", "kaptafel", "karabijn", "karakter", "karbeel",
    "karper", "karveel", "karwei", "kasboek", "kasplant", "kassei", "kast", "kastdeur",
    "kater", "katern", "katheder", "katoen", "kauw", "kavel", "keeshond", "keffer",
    "kegel", "keizer", "kelder", "kelk", "kelner", "kemel", "keper", "kepie",
    "kerel", "kerk", "kerkbank", "kerkboek", "kerkdorp", "kerker", "ketel", "keten",
    "keuken", "keurmerk", "keutel", "keuter", "keuterij", "keuvel", "kever", "kiek",
    "kieken", "kiel", "kiem", "kier", "kieuw", "kiezel", "kijk", "kijkboek",
    "kijker", "kijkkast", "kikker", "kind", "kink", "kitrest", "kladboek", "klant",
    "klapdeur", "klapper", "klauw", "klauwier", "klaver", "klavier", "kledder", "klein",
    "klepel", "klepper", "kleur", "kleuter", "kliek", "klier", "klikker", "kling",
    "klinker", "klodder", "klomp", "klont", "klonter", "klooster", "klopper", "kluit",
    "klungel", "kluppel", "kluwen", "knabbel", "knapper", "knecht", "knelpunt", "kneu",
    "kneukel", "kneuter", "knevel", "knie", "knier", "knijper", "knikker", "knipsel",
    "kniptang", "knobbel", "knoedel", "knoeier", "knokkel", "knop", "knot", "knuffel",
    "knuist", "knuppel", "koek", "koel", "koelkast", "koepel", "koer", "koerier",
    "koers", "koet", "koets", "koetsier", "koffer", "koker", "kolder", "kolibrie",
    "kolonie", "konijn", "konkel", "kooi", "kookboek", "kookclub", "kooksel", "koord",
    "kopgroep", "koppel", "korrel", "korst", "kortfilm", "kost", "koster", "kostuum",
    "koter", "kotter", "koukleum", "kous", "kout", "kouter", "kovel", "kozijn",
    "kraai", "krabbel", "krabber", "kraker", "kram", "kramp", "krans", "krant",
    "krat", "krater", "krauw", "krekel", "kreng", "krent", "kreukel", "kribbe",
    "kriebel", "kriel", "krijger", "krijt", "kring", "kringel", "krinkel", "kroeg",
    "krok", "kronkel", "krui", "kruid", "kruik", "kruim", "kruimel", "kruin",
    "kruiper", "kruis", "kudde", "kuier", "kuifeend", "kuiken", "kuil", "kuip",
    "kunst", "kushand", "kussen", "kustdorp", "kwaker", "kwakkel", "kwart", "kwartel",
    "kwartier", "kwast", "kwatrijn", "kwebbel", "kwekerij", "kwestie", "kwezel", "kwispel",
    "laar", "laat", "label", "labyrint", "lach", "lacher", "ladder", "ladekast",
    "laken", "lamp", "land", "landweg", "landwijn", "lantaarn", "lantaren", "laptop",
    "later", "ledikant", "leer", "leerling", "leesboek", "leesclub", "leeshoek", "leeslamp",
    "leeslint", "leeuw", "lefgozer", "leger", "lekker", "lelie", "lemmer", "lemmet",
    "lens", "lepel", "lesboek", "lesgroep", "letter", "leugen", "leven", "lever",
    "lezenaar", "lezer", "licht", "lichtbak", "lichter", "lied", "liedboek", "lief",
    "lieverd", "lift", "liftster", "lijmrest", "lijn", "lijst", "lijster", "likeur",
    "limoen", "linde", "link", "lint", "lintdorp", "liter", "livrei", "lodder",
    "loeder", "loge", "logee", "logger", "lokker", "long", "lont", "lood",
    "loop", "looplamp", "loper", "lorre", "loterij", "lucht", "luchter", "lucifer",
    "luier", "luifel", "luik", "luim", "maagband", "maaltijd", "maand", "maat",
    "machine", "made", "magazijn", "mail", "maillot", "maisveld", "major", "makker",
    "malheur", "mall", "mand", "mangel", "manier", "mantel", "mark", "markt",
    "marter", "mascotte", "masker", "masseur", "matelot", "matinee", "mazzel", "meeloper",
    "meer", "meerkoet", "meester", "meeuw", "meikever", "meiregen", "melkboer", "meloen",
    "mengsel", "mens", "merel", "mergpijp", "merk", "merrie", "mespunt", "meter",
    "meubel", "mevrouw", "middag", "middel", "midweek", "mier", "mijl", "mijn",
    "mijter", "minpunt", "misboek", "mispel", "misser", "mixdrank", "mobiel", "moeder",
    "moer", "moestuin", "moet", "mokkel", "molecule", "molen", "moment", "mond",
    "monster", "monument", "mopshond", "morgen", "mormel", "mortier", "morzel", "mosplant",
    "mossel", "motor", "mousse", "mouw", "muil", "mummie", "munt", "museum",
    "muts", "muurkast", "naaister", "naald", "naambord", "nacht", "nagel", "namiddag",
    "navel", "negen", "neonlamp", "nepmail", "nest", "nestel", "nestkast", "netel",
    "netwerk", "neukdier", "neukhoer", "neut", "nevel", "niche", "nier", "nies",
    "niet", "nieuw", "nikkel", "nikker", "niks", "nippel", "niveau", "notaboek",
    "notelaar", "nozem", "nummer", "oase", "ober", "oblie", "ochtend", "odeur",
    "oefening", "oehoe", "oester", "offer", "offert", "officier", "oksel", "oleander",
    "oliebad", "oliefilm", "olielamp", "olifant", "omber", "onkel", "ontbijt", "ontwerp",
    "oogappel", "oogbad", "ooghoek", "ooievaar", "oorlog", "oorring", "opdonder", "opdracht",
    "opduvel", "opening", "operette", "opkamer", "opkikker", "opoe", "oppepper", "opper",
    "oproep", "oproer", "opsteker", "order", "orgel", "orkest", "otter", "ouwel",
    "oven", "paander", "paap", "paar", "paard", "pachter", "paddel", "pagaai",
    "pakker", "pallet", "palm", "palter", "pand", "panne", "panter", "pantser",
    "papaver", "papegaai", "papier", "parabel", "parade", "pardoen", "parel", "park",
    "parkbank", "parkiet", "parochie", "parodie", "part", "partij", "partikel", "paskamer",
    "passer", "pastei", "pastoor", "pater", "patroon", "pauw", "pauze", "peddel",
    "pegel", "peignoir", "pelgrim", "pellet", "peluw", "pendule", "pennoen", "pensee",
    "pensioen", "peper", "peppel", "perikel", "periode", "perk", "pesterij", "peter",
    "petieter", "peul", "peuter", "peuzel", "piek", "piel", "piep", "piepel",
    "pieper", "pier", "pierrot", "piet", "piezel", "pijl", "pijler", "pijn",
    "pijnpunt", "pijp", "pijphoer", "pikkel", "pilaster", "pils", "pimpel", "pinakel",
    "pincher", "pink", "pint", "pioen", "pisser", "pitbull", "plaat", "plaats",
    "plager", "plagerij", "plakband", "plakboek", "plakker", "plakrand", "plakwerk", "plan",
    "plane", "plank", "plankier", "plant", "plat", "plateau", "platform", "plee",
    "plein", "pleister", "plevier", "plezier", "ploeg", "plonsbad", "plooi", "plooisel",
    "pluim", "plumeau", "pluspunt", "podium", "poedel", "poeder", "poeier", "poel",
    "poeper", "poffer", "polder", "poll", "pollevij", "polohemd", "polsband", "pomp",
    "pompoen", "pond", "pont", "poort", "popel", "populier", "portie", "post",
    "poster", "poter", "potmeter", "prairie", "pranger", "prater", "prauw", "prei",
    "premie", "premier", "prent", "present", "priem", "priester", "prikbord", "prikkel",
    "prikker", "primeur", "prins", "print", "procent", "product", "prof", "profiel",
    "project", "pronker", "prooi", "protegee", "pruim", "psalm", "puist", "puit",
    "pukkel", "pull", "pummel", "punkband", "punt", "puntdak", "punter", "puntmuts",
    "putter", "puzzel", "quote", "raadsel", "raamwerk", "radar", "rader", "rafel",
    "rafter", "ragout", "rakel", "rakker", "rammel", "rand", "ranonkel", "ransel",
    "rantsoen", "rapport", "rashond", "raspaard", "raster", "ratel", "recept", "rechaud",
    "rechter", "rechute", "record", "reeks", "refrein", "refter", "regel", "regen",
    "regenbui", "regent", "regiem", "regime", "register", "reiger", "reisboek", "reismand",
    "reiswieg", "rekel", "rekening", "rekker", "remedie", "repel", "resem", "rest",
    "reticule", "retour", "reuter", "revolver", "revue", "ribbel", "richel", "riedel",
    "riem", "riet", "rijm", "rijt", "rijtuig", "rimpel", "ring", "ringband",
    "rinkel", "rivier", "robber", "robijn", "robot", "rockband", "roemer", "roer",
    "roet", "roffel", "roker", "rokken", "roller", "roltafel", "romer", "rommel",
    "rond", "rondsel", "roofdier", "rookoven", "rookwolk", "roomsaus", "rooster", "rotonde",
    "rotspunt", "rotstuin", "rotzooi", "rouwrand", "rover", "rozelaar", "rozijn", "rubriek",
    "rugsteun", "ruiker", "ruil", "ruis", "ruit", "ruiter", "rund", "rustbank",
    "rustdag", "rustpunt", "ruzie", "sabel", "sadist", "safe", "saffier", "sant",
    "sardien", "sater", "saus", "saxofoon", "scene", "schaar", "schaduw", "schakel",
    "schalm", "schalmei", "scharrel", "schede", "schedel", "schel", "schelm", "schelp",
    "schemel", "schenkel", "schep", "schepel", "schepsel", "scherm", "schets", "scheur",
    "scheut", "schijn", "schilfer", "schimmel", "schinkel", "schipper", "schoen", "schoffel",
    "schommel", "schooier", "school", "schot", "schotel", "schouder", "schouw", "schraper",
    "schreeuw", "schrepel", "schrift", "schrijn", "schuier", "schuim", "schuit", "schuiver",
    "schutsel", "scooter", "scrip", "script", "scrupel", "segment", "sein", "seizoen",
    "seksboek", "seksfilm", "selder", "serafijn", "sermoen", "serre", "serve", "setter",
    "shawl", "shelter", "shirt", "show", "sierrand", "siersel", "sikkel", "singel",
    "single", "singlet", "sinjeur", "sintel", "sisser", "sjaal", "skidorp", "slagader",
    "slager", "slang", "slasaus", "slecht", "sleet", "sleper", "sleutel", "slier",
    "sliert", "slijper", "slinger", "slip", "slipper", "sliptong", "sloeber", "sloep",
    "slok", "slokker", "slot", "sluier", "sluiper", "smeersel", "smet", "smikkel",
    "smoel", "smout", "smuiger", "snabbel", "snack", "snapper", "snater", "snavel",
    "snee", "snipper", "snoek", "snoep", "snoeper", "snoer", "snoet", "snot",
    "snuit", "snuiter", "snuiver", "soep", "soiree", "sokkel", "sortie", "souper",
    "souspied", "souvenir", "spaander", "spalier", "span", "spanband", "spandoek", "spang",
    "spant", "spatbord", "spatel", "spatie", "speel", "spek", "speld", "speler",
    "spelfout", "sperwer", "spie", "spiegel", "spier", "spijer", "spijker", "spijl",
    "spikkel", "spionne", "spit", "splinter", "spoel", "spons", "spot", "sprang",
    "sprank", "sprankel", "spray", "spreeuw", "sprei", "sprenkel", "spriet", "springer",
    "sprint", "sproeier", "sprokkel", "sprong", "sprot", "spruit", "spui", "spurt",
    "staander", "staart", "staat", "stad", "staffel", "stakker", "stalle", "stamboek",
    "staminee", "stamlijn", "stamper", "stand", "stander", "stang", "stapel", "stapper",
    "startset", "steeg", "steel", "steen", "steenuil", "steiger", "stek", "stekel",
    "steker", "stekker", "stelsel", "stempel", "stencil", "steng", "stengel", "stern",
    "steun", "steur", "stevel", "sticker", "stiel", "stier", "stift", "stijl",
    "stiksel", "stippel", "stoel", "stoep", "stofdoek", "stoffer", "stofwolk", "stok",
    "stokerij", "stommel", "stoombad", "stoot", "stoppel", "stopper", "stopsel", "storm",
    "strand", "streng", "strengel", "striem", "strijk", "strip", "stro", "strohalm",
    "strohoed", "stronk", "stront", "strop", "struik", "stuit", "stuiter", "stuiver",
    "stuk", "stulp", "stumper", "stunt", "stuur", "stuw", "subgroep", "subsidie",
    "sufferd", "suiker", "sukkel", "syrah", "taalboek", "taalfout", "taart", "tableau",
    "tablet", "tafel", "tailleur", "takel", "talie", "talud", "tamboer", "tand",
    "tandwiel", "tang", "tank", "tante", "tapbier", "tapijt", "tapperij", "tater",
    "teckel", "teevee", "tegel", "teil", "teken", "tekening", "tekst", "telefoon",
    "teller", "tempel", "tender", "tengel", "tent", "tentdak", "tenue", "tepel",
    "termijn", "terpdorp", "terrein", "terrine", "test", "testset", "teug", "teugel",
    "theater", "theekist", "tichel", "tien", "tijd", "tijger", "tikkel", "tikker",
    "tint", "tippel", "titel", "tittel", "toast", "tobbe", "tocht", "toef",
    "toer", "toernooi", "toet", "toeter", "toets", "toffee", "toffel", "tong",
    "tongpunt", "tongriem", "tonijn", "tool", "topper", "toren", "torn", "tornooi",
    "tortel", "toupet", "tournee", "touw", "tovenaar", "tralie", "tramlijn", "trapper",
    "trapveld", "tray", "trechter", "tree", "treil", "trein", "trek", "treksel",
    "treuzel", "triangel", "tribune", "tricot", "triller", "trip", "troep", "troetel",
    "troffel", "trommel", "tromp", "tronie", "trottoir", "truc", "truck", "truffel",
    "trui", "tube", "tuig", "tuil", "tuin", "tuinbank", "tuinset", "tuit",
    "tune", "tunnel", "tureluur", "tweet", "twijg", "twintig", "type", "typefout",
    "typist", "typiste", "uiensoep", "uier", "ulster", "uniform", "unster", "vaandel",
    "vaar", "vaart", "vaat", "vaatdoek", "vadem", "vader", "vallei", "vanger",
    "varen", "varken", "veger", "vehikel", "veld", "vendel", "venster", "vent",
    "verslag", "verzet", "verzoek", "verzuim", "vest", "veter", "vetplant", "vetrand",
    "veulen", "vezel", "vier", "vierkant", "vijl", "vijver", "vijzel", "vilt",
    "vinger", "vink", "vinkiel", "violier", "visdag", "vislijn", "vismarkt", "visser",
    "vissoep", "vistocht", "vladder", "vlag", "vlecht", "vlegel", "vleier", "vlet",
    "vleug", "vleugel", "vlieg", "vlieger", "vliem", "vlier", "vlijm", "vlinder",
    "vloei", "vloer", "vlonder", "vlooi", "vlot", "vlucht", "vlugger", "voer",
    "voertuig", "voet", "voetbad", "voetbank", "voetpomp", "vogel", "volger", "volk",
    "vondel", "vonder", "vonk", "voorn", "voortuin", "voren", "vork", "vorm",
    "vormfout", "vouw", "voyeur", "vracht", "vriend", "vrijdag", "vrijer", "vrijerij",
    "vrijster", "vrouw", "vrucht", "vuist", "vuurwerk", "waaier", "waakhond", "wafel",
    "wagen", "walm", "wandbord", "wandkast", "wandlamp", "wang", "wasbord", "wasem",
    "washand", "waslijn", "waslijst", "wasmerk", "wasser", "wastafel", "wasvrouw", "water",
    "waterloo", "weblog", "weeffout", "weefsel", "week", "weekboek", "weekdier", "weekeind",
    "weekend", "wegel", "weiland", "weinig", "wekker", "wereld", "werk", "werkbank",
    "werkboek", "werkdag", "werkhoek", "werkhond", "werkpunt", "werktuig", "wervel", "wesp",
    "weverij", "wezel", "wezen", "wicht", "wieg", "wiel", "wijk", "wijn",
    "wijnboer", "wijndorp", "wijzer", "wikkel", "wimpel", "wimper", "wind", "windel",
    "windsel", "winkel", "winst", "winter", "wipper", "wissel", "wolk", "wond",
    "wonder", "woord", "worm", "worst", "wortel", "wrong", "wurm", "zaadzoen",
    "zaak", "zadel", "zadeldak", "zagerij", "zakcent", "zakdoek", "zalm", "zandbad",
    "zangboek", "zanger", "zanglijn", "zeedier", "zeehond", "zeelt", "zeepaard", "zeepkist",
    "zeetocht", "zeewind", "zegel", "zeil", "zeiler", "zender", "zenuw", "zetel",
    "zeven", "ziel", "zijkamer", "zitbank", "zoeker", "zoemer", "zoen", "zoet",
    "zolder", "zomer", "zond", "zonde", "zoogdier", "zooi", "zoom", "zoon",
    "zout", "zucht", "zuiger", "zuigmond", "zuil", "zuster", "zwabber", "zwager",
    "zwaluw", "zwart", "zwavel", "zwembad", "zwengel", "zwerm", "zwerver", "zwijn",
};

const char *codewords_word(unsigned index)
{
    return index < CODEWORDS_COUNT ? codewords[index] : NULL;
}

static int cmp_word(const void *key, const void *elem)
{
    return strcmp(key, *(const char *const *)elem);
}

int codewords_index(const char *word)
{
    const char *const *p = bsearch(word, codewords, CODEWORDS_COUNT, sizeof codewords[0],
                                   cmp_word);
    return p ? (int)(p - codewords) : -1;
}

void codewords_make(const unsigned char *random, size_t nbytes, unsigned nwords, struct buf *out)
{
    unsigned long acc = 0;
    unsigned bits = 0;
    size_t used = 0;
    for (unsigned i = 0; i < nwords; i++) {
        while (bits < CODEWORDS_BITS && used < nbytes) {
            acc = (acc << 8) | random[used++];
            bits += 8;
        }
        if (bits < CODEWORDS_BITS) /* the caller gave too few random bytes */
            break;
        unsigned idx = (unsigned)(acc >> (bits - CODEWORDS_BITS)) & (CODEWORDS_COUNT - 1);
        bits -= CODEWORDS_BITS;
        buf_printf(out, "%s%s", i ? " " : "", codewords[idx]);
    }
}

/* What may stand between the words of a typed code. */
static const char separators[] = " \t\r\n-,.";

int codewords_normalize(const char *in, unsigned nwords, struct buf *out)
{
    unsigned n = 0;
    for (const char *p = in; *p;) {
        p += strspn(p, separators);
        if (!*p)
            break;
        size_t len = strcspn(p, separators);
        char word[16];
        if (len >= sizeof word || ++n > nwords)
            return -1;
        for (size_t i = 0; i < len; i++)
            word[i] = p[i] >= 'A' && p[i] <= 'Z' ? (char)(p[i] - 'A' + 'a') : p[i];
        word[len] = '\0';
        if (codewords_index(word) < 0)
            return -1;
        buf_printf(out, "%s%s", n > 1 ? " " : "", word);
        p += len;
    }
    return n == nwords ? 0 : -1;
}
