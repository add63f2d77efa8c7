/* codewords.c: the 2,048 Dutch words of one-time and recovery codes (11 bits a word). */
#include "wijktafel/codewords.h"

#include <stdlib.h>
#include <string.h>

/* Plain Dutch nouns of 4 to 8 letters a-z, in byte order (for bsearch): taken
 * from Debian's wdutch list, keeping words that have a plural and a
 * diminutive there (things people can picture), the shortest first, less a
 * hand-made list of words nobody wants to read aloud; the words of `retired`
 * below were then replaced by hand-picked plain words of the same list (fruit,
 * flowers, trees, birds, animals, the garden, the waterside, the kitchen). */
static const char *const codewords[CODEWORDS_COUNT] = {
    "aambeeld", "aard", "aardbei", "abonnee", "abrikoos", "accent", "acht", "actrice", "adder",
    "ader", "adviseur", "afdak", "afdrager", "affaire", "affiche", "aflegger", "afstand", "agenda",
    "agent", "ajuin", "aker", "akker", "akkoord", "album", "altaar", "alver", "amandel", "amateur",
    "ananas", "anekdote", "angel", "anjer", "anker", "antenne", "antwoord", "apart", "apenland",
    "appel", "appelaar", "armband", "artikel", "aster", "atelier", "atlas", "attachee", "autoband",
    "avond", "baai", "baar", "baard", "babbel", "badkamer", "bakfiets", "bakker", "bakkerij",
    "baksel", "bakwagen", "balein", "balg", "balk", "ballad", "ballade", "ballon", "bamboe",
    "banaan", "band", "banier", "bank", "bankje", "barbecue", "barette", "barst", "baslijn",
    "batterij", "bazaar", "bazuin", "bedank", "bedel", "bedlamp", "bedrag", "beek", "beeld",
    "beer", "beest", "begijn", "behang", "beignet", "beitel", "beker", "bekken", "belang",
    "belegsel", "beletsel", "belle", "bengel", "berceuse", "berg", "bergdorp", "bergeend",
    "bericht", "berk", "beschuit", "bestand", "bestek", "beugel", "beuk", "beur", "beurt", "bever",
    "bezem", "bezoek", "bezoeker", "bidbank", "bidet", "bidstoel", "bier", "biet", "bijbel",
    "bijl", "bijou", "bijt", "bijter", "bijtfout", "bikkel", "biljart", "bint", "biscuit",
    "bitter", "blaker", "blauw", "blazer", "blei", "blein", "blessure", "blijver", "blinker",
    "bloem", "bloembak", "bloesem", "blog", "blond", "blouse", "bobbel", "bobijn", "bocht",
    "bockbier", "bodem", "boedel", "boei", "boek", "boekerij", "boekwerk", "boel", "boemel",
    "boender", "boer", "boert", "boezel", "bolster", "bonne", "bont", "bontmuts", "boom", "boord",
    "boot", "bopper", "bord", "bordpunt", "borgmoer", "borrel", "borstel", "bosbes", "bosbrand",
    "bosfeest", "bosmier", "bosplant", "bosrand", "boter", "bottine", "bougie", "bout", "bouvier",
    "bouwsel", "bouwwerk", "brancard", "brand", "brander", "brasem", "breister", "breiwerk",
    "breuk", "brevier", "brief", "bries", "briljant", "broeder", "broek", "broer", "brommer",
    "brood", "brug", "bruid", "bruin", "brunette", "brutaal", "bubbel", "buffel", "buidel", "buik",
    "buikband", "buil", "buit", "buiten", "bundel", "bungalow", "bunker", "bureau", "burijn",
    "buskaart", "bussel", "bustocht", "buurdorp", "buurland", "buurt", "cadeau", "cahier", "cake",
    "cape", "capsule", "cedel", "ceder", "ceintuur", "cent", "chalet", "cheque", "chip", "cijfer",
    "cilinder", "circuit", "cirkel", "citer", "citroen", "clip", "clique", "club", "cognac",
    "colbert", "collie", "column", "computer", "concert", "concours", "corvee", "coterie", "coup",
    "coupe", "cowboy", "cracker", "crapaud", "daalder", "dadel", "dagboek", "dagkaart", "dagtocht",
    "dakkamer", "dambord", "dame", "dans", "dansclub", "danseuse", "dauw", "deal", "decor", "deel",
    "deern", "deficit", "degen", "dejeuner", "deken", "deksel", "denker", "denkfout", "denktank",
    "depot", "dessert", "dessin", "detail", "deuk", "deun", "deur", "diamant", "dictee",
    "dienster", "dier", "diesel", "dijk", "dijkdorp", "diner", "ding", "dipsaus", "disk",
    "display", "dissel", "distel", "dobber", "dochter", "document", "doedel", "doek", "doel",
    "doelpunt", "doffer", "dokter", "dolfijn", "domino", "domper", "dooier", "doopboek",
    "doopjurk", "doorkijk", "doorn", "doos", "doperwt", "doren", "dorp", "dorpel", "dossier",
    "douceur", "douche", "douw", "dozijn", "draai", "dragee", "drank", "drempel", "dreun", "drie",
    "driehoek", "droog", "drop", "droppel", "druif", "drukfout", "drukknop", "druktank",
    "drukwerk", "druppel", "dubbel", "duffel", "duif", "duik", "duiker", "duim", "duin", "duit",
    "duizend", "dweil", "echel", "eclips", "edammer", "eekhoorn", "eekhoren", "eenakter", "eend",
    "eettent", "effect", "egel", "eiber", "eiland", "eind", "eindtune", "ekster", "eland",
    "elastiek", "element", "emmer", "emplooi", "employee", "enclave", "engel", "enkel", "enter",
    "entree", "envelop", "epistel", "erelijst", "erker", "erwt", "escapade", "esdoorn", "eskader",
    "essay", "etappe", "etui", "euvel", "ever", "examen", "expert", "ezel", "fabel", "fabriek",
    "factorij", "fakkel", "falie", "fanfare", "faun", "fauteuil", "faveur", "fazant", "feest",
    "feil", "feit", "festoen", "fiancee", "fiedel", "fiets", "fietsdag", "fietser", "file",
    "filet", "film", "filter", "flambouw", "flamingo", "flapper", "flat", "flater", "flens",
    "flexie", "flinter", "flobert", "flodder", "flop", "fluit", "fluiter", "fluitje", "fluwijn",
    "foef", "fokkerij", "folder", "fontein", "fooi", "fopperij", "forfait", "formule", "fortuin",
    "forum", "fotoboek", "fout", "fragment", "framboos", "frame", "franc", "franje", "frase",
    "frater", "freule", "friet", "frommel", "front", "froufrou", "frutsel", "gaai", "gaffel",
    "galajurk", "galappel", "galerij", "galjoen", "galm", "game", "gang", "garen", "garnaal",
    "gaslamp", "gast", "gebed", "gebied", "gebouw", "gedicht", "geel", "geer", "geeuw", "geheim",
    "gehucht", "gein", "geit", "geldkist", "geldzak", "geluid", "genoffel", "geranium", "gerecht",
    "geschenk", "geul", "geur", "gevel", "gezicht", "gids", "giebel", "giechel", "gieter",
    "giraffe", "gitaar", "glijbaan", "glimlach", "glimp", "glitter", "goal", "goed", "golf",
    "golflijn", "gondel", "gordel", "gordijn", "gorgel", "goudmijn", "goudvink", "gracht",
    "grafiek", "grasdijk", "grashalm", "grasland", "grasperk", "grasveld", "grauw", "green",
    "grein", "grendel", "greppel", "griezel", "griffel", "grill", "grille", "grimlach", "grindpad",
    "griot", "groen", "groent", "groep", "groot", "grot", "gulden", "gymp", "haai", "haak",
    "haakwerk", "haar", "haarband", "haas", "hagel", "hagelbui", "hall", "halm", "halsband",
    "halsdoek", "halster", "halter", "hamer", "hand", "handboek", "handdoek", "handel", "handpers",
    "handpomp", "handvat", "handwerk", "hangaar", "hangar", "hanger", "hangslot", "hark", "harp",
    "harpoen", "harrel", "hart", "haspel", "hauw", "haven", "havik", "hazelaar", "heer", "heester",
    "heibel", "heide", "helm", "helper", "helpster", "hemd", "hemel", "hendel", "hengel",
    "hengsel", "herder", "herfst", "hert", "heul", "heuvel", "hevel", "hiel", "historie", "hobbel",
    "hoed", "hoek", "hoekbank", "hoekkast", "hoekpand", "hoen", "hoepel", "hommel", "hommer",
    "hond", "honderd", "honing", "hoofd", "hooiberg", "hooiland", "hooivork", "hoorn", "horen",
    "horloge", "horzel", "houder", "hout", "houw", "houwer", "huid", "huisdier", "huishond",
    "huiswerk", "huiswijn", "hulp", "hulpboek", "hulplijn", "hulst", "humeur", "hummel", "ijsboer",
    "ijskast", "ijsvloer", "ijsvogel", "ijswafel", "ijzer", "imker", "incident", "inkijk",
    "inkopper", "invite", "invitee", "inwoner", "iris", "item", "jaar", "jaarboek", "jaarclub",
    "jabot", "jacht", "jaeger", "jager", "jaguar", "jampot", "jasmijn", "jazzband", "jekker",
    "jockey", "join", "jong", "jonker", "juffer", "jumper", "jurk", "kaai", "kaar", "kaars",
    "kaart", "kaas", "kaasboer", "kaasdoek", "kaassaus", "kabaai", "kabel", "kabouter", "kachel",
    "kade", "kadee", "kader", "kaketoe", "kalander", "kalender", "kalkoen", "kameel", "kamer",
    "kanaal", "kanarie", "kans", "kansel", "kant", "kantwerk", "kaper", "kapittel", "kapoen",
    "kapper", "kaproen", "kapsel", "kaptafel", "karakter", "karbeel", "karper", "karveel",
    "karwei", "kasboek", "kasplant", "kassei", "kast", "kastanje", "kastdeur", "kater", "katern",
    "katheder", "katoen", "kauw", "kavel", "keeshond", "keffer", "kegel", "keizer", "kelder",
    "kelk", "kelner", "kemel", "keper", "kepie", "kerel", "kerk", "kerkbank", "kerkboek",
    "kerkdorp", "kers", "ketel", "keten", "keuken", "keurmerk", "keuter", "keuterij", "keuvel",
    "kever", "kiek", "kieken", "kiel", "kiem", "kier", "kieuw", "kievit", "kiezel", "kijk",
    "kijkboek", "kijker", "kijkkast", "kikker", "kind", "kink", "kitrest", "kladboek", "klant",
    "klapdeur", "klapper", "klaproos", "klauw", "klauwier", "klaver", "klavier", "kledder",
    "klein", "klepel", "klepper", "kleur", "kleuter", "kliek", "klif", "klikker", "klimop",
    "kling", "klinker", "klodder", "klok", "klokhuis", "klomp", "klont", "klonter", "klooster",
    "klopper", "kluit", "kluppel", "kluwen", "knabbel", "knapper", "knecht", "knelpunt", "kneu",
    "kneukel", "kneuter", "knevel", "knie", "knier", "knijper", "knikker", "knipsel", "kniptang",
    "knobbel", "knoedel", "knokkel", "knoop", "knop", "knot", "knuffel", "knuist", "knuppel",
    "koek", "koekje", "koekoek", "koel", "koelkast", "koepel", "koer", "koerier", "koers", "koet",
    "koets", "koetsier", "koffer", "koker", "kolder", "kolibrie", "kolonie", "kompas", "konijn",
    "konkel", "kooi", "kookboek", "kookclub", "kooksel", "koord", "kopgroep", "kopje", "koppel",
    "korrel", "korst", "kortfilm", "kost", "koster", "kostuum", "koter", "kotter", "koukleum",
    "kous", "kout", "kouter", "kovel", "kozijn", "kraai", "krab", "krabbel", "krabber", "kraker",
    "kram", "krans", "krant", "krat", "krater", "krauw", "kreeft", "kreek", "krekel", "krent",
    "kreukel", "kribbe", "kriebel", "kriel", "krijger", "krijt", "krijtje", "kring", "kringel",
    "krinkel", "kroeg", "krok", "krokus", "kronkel", "krui", "kruid", "kruik", "kruim", "kruimel",
    "kruin", "kruiper", "kruis", "kudde", "kuier", "kuifeend", "kuiken", "kuil", "kuip", "kunst",
    "kushand", "kussen", "kust", "kustdorp", "kwaker", "kwakkel", "kwart", "kwartel", "kwartier",
    "kwast", "kwatrijn", "kwebbel", "kwekerij", "kwestie", "kwispel", "laar", "laat", "label",
    "labyrint", "lach", "lacher", "ladder", "ladekast", "laken", "lamp", "lampion", "land",
    "landweg", "landwijn", "lantaarn", "lantaren", "laptop", "lariks", "later", "lavendel",
    "ledikant", "leer", "leerling", "leesboek", "leesclub", "leeshoek", "leeslamp", "leeslint",
    "leeuw", "leger", "lekker", "lelie", "lemmer", "lemmet", "lens", "lente", "lepel", "lesboek",
    "lesgroep", "letter", "leven", "lever", "lezenaar", "lezer", "licht", "lichtbak", "lichter",
    "lied", "liedboek", "lief", "lieverd", "lift", "liftster", "lijmrest", "lijn", "lijst",
    "lijster", "likeur", "limoen", "linde", "liniaal", "link", "lint", "lintdorp", "liter",
    "livrei", "loge", "logee", "logger", "lokker", "long", "lont", "lood", "loop", "looplamp",
    "loper", "lorre", "loterij", "lucht", "luchter", "lucifer", "luifel", "luik", "luim",
    "maagband", "maaltijd", "maand", "maat", "machine", "madelief", "magazijn", "mail", "maillot",
    "maisveld", "major", "makker", "mall", "mand", "mangel", "manier", "mantel", "margriet",
    "mark", "markt", "marter", "mascotte", "masker", "masseur", "matelot", "matinee", "mazzel",
    "meeloper", "meer", "meerkoet", "meester", "meeuw", "meikever", "meiregen", "melkboer",
    "meloen", "mengsel", "mens", "merel", "mergpijp", "merk", "merrie", "mespunt", "meter",
    "meubel", "mevrouw", "middag", "middel", "midweek", "mier", "mijl", "mijn", "mijter",
    "minpunt", "misboek", "mispel", "misser", "mist", "mixdrank", "mobiel", "moeder", "moer",
    "moestuin", "moet", "molecule", "molen", "molenaar", "moment", "mond", "monster", "monument",
    "mopshond", "morgen", "mormel", "morzel", "mosplant", "mossel", "motor", "mousse", "mouw",
    "muil", "munt", "museum", "muts", "muurkast", "naaister", "naald", "naambord", "nacht",
    "nagel", "namiddag", "narcis", "navel", "negen", "neonlamp", "nepmail", "nest", "nestel",
    "nestkast", "netel", "netwerk", "neut", "nevel", "niche", "nies", "niet", "nieuw", "nikkel",
    "niks", "nippel", "niveau", "notaboek", "notelaar", "nozem", "nummer", "oase", "ober", "oblie",
    "ochtend", "odeur", "oefening", "oehoe", "oester", "offer", "offert", "officier", "oksel",
    "oleander", "oliebad", "oliefilm", "olielamp", "olifant", "omber", "onkel", "ontbijt",
    "ontwerp", "oogappel", "oogbad", "ooghoek", "ooievaar", "oorring", "opdracht", "opening",
    "operette", "opkamer", "opkikker", "opoe", "oppepper", "opper", "oproep", "opsteker",
    "orchidee", "order", "orgel", "orkest", "otter", "ouwel", "oven", "paander", "paar", "paard",
    "pachter", "paddel", "pagaai", "pakker", "pallet", "palm", "palter", "pand", "panne", "panter",
    "pantser", "papaver", "papegaai", "papier", "parabel", "parade", "pardoen", "parel", "park",
    "parkbank", "parkiet", "parochie", "parodie", "part", "partij", "partikel", "paskamer",
    "passer", "pastei", "pastoor", "pater", "patroon", "pauw", "pauze", "peddel", "peer", "pegel",
    "peignoir", "pelgrim", "pelikaan", "pellet", "peluw", "pendule", "pennoen", "pensee",
    "penseel", "pensioen", "peper", "peppel", "perikel", "periode", "perk", "perzik", "peter",
    "petieter", "peul", "peuter", "peuzel", "piano", "piek", "piep", "piepel", "pieper", "pier",
    "pierrot", "piezel", "pijl", "pijler", "pijp", "pikkel", "pilaster", "pils", "pimpel",
    "pinakel", "pincher", "pink", "pint", "pioen", "plaat", "plaats", "plager", "plagerij",
    "plakband", "plakboek", "plakker", "plakrand", "plakwerk", "plan", "plane", "plank",
    "plankier", "plant", "plat", "plateau", "platform", "plein", "pleister", "plevier", "plezier",
    "ploeg", "plonsbad", "plooi", "plooisel", "pluim", "plumeau", "pluspunt", "podium", "poedel",
    "poeder", "poeier", "poel", "poffer", "polder", "poll", "pollepel", "pollevij", "polohemd",
    "polsband", "pomp", "pompoen", "pond", "pont", "poort", "popel", "populier", "portie", "post",
    "poster", "poter", "potlood", "potmeter", "prairie", "prater", "prauw", "prei", "premie",
    "premier", "prent", "present", "prieel", "priem", "priester", "prikbord", "prikkel", "prikker",
    "primeur", "prins", "print", "procent", "product", "prof", "profiel", "project", "pronker",
    "prooi", "protegee", "pruim", "psalm", "puit", "pull", "punkband", "punt", "puntdak", "punter",
    "puntmuts", "putter", "puzzel", "quote", "raadsel", "raamwerk", "radar", "rader", "rafel",
    "rafter", "ragout", "rakel", "rakker", "rammel", "rand", "ranonkel", "ransel", "rantsoen",
    "rapport", "rashond", "raspaard", "raster", "ratel", "recept", "rechaud", "rechter", "record",
    "reeks", "refrein", "refter", "regel", "regen", "regenbui", "regent", "regiem", "regime",
    "register", "reiger", "reisboek", "reismand", "reiswieg", "rekel", "rekening", "rekker",
    "remedie", "repel", "resem", "rest", "reticule", "retour", "reuter", "revue", "ribbel",
    "richel", "riedel", "riem", "riet", "rijm", "rijt", "rijtuig", "rimpel", "ring", "ringband",
    "rinkel", "rivier", "robber", "robijn", "robot", "rockband", "roeiboot", "roemer", "roer",
    "roet", "roffel", "roker", "rokken", "roller", "roltafel", "romer", "rommel", "rond",
    "rondsel", "roofdier", "rookoven", "rookwolk", "roomsaus", "roos", "rooster", "rotonde",
    "rotspunt", "rotstuin", "rover", "rozelaar", "rozijn", "rubriek", "rugsteun", "rugzak",
    "ruiker", "ruil", "ruis", "ruit", "ruiter", "rund", "rustbank", "rustdag", "rustpunt", "sabel",
    "safe", "saffier", "salie", "sant", "sardien", "saus", "saxofoon", "scene", "schaal", "schaar",
    "schaduw", "schakel", "schalm", "schalmei", "scharrel", "schel", "schelm", "schelp", "schemel",
    "schenkel", "schep", "schepel", "schepsel", "scherm", "schets", "scheur", "scheut", "schijn",
    "schilfer", "schimmel", "schinkel", "schipper", "schoen", "schoffel", "schommel", "school",
    "schot", "schotel", "schouder", "schouw", "schraper", "schreeuw", "schrepel", "schrift",
    "schrijn", "schuier", "schuim", "schuit", "schuiver", "schutsel", "schuur", "scooter", "scrip",
    "script", "scrupel", "segment", "sein", "seizoen", "selder", "serafijn", "sering", "sermoen",
    "serre", "serve", "setter", "shawl", "shelter", "shirt", "show", "sierrand", "siersel",
    "sikkel", "singel", "single", "singlet", "sinjeur", "sintel", "sisser", "sjaal", "skidorp",
    "slager", "slang", "slasaus", "sleet", "sleper", "sleutel", "slier", "sliert", "slijper",
    "slinger", "slipper", "sliptong", "sloep", "slok", "slokker", "sloot", "slot", "sluier",
    "sluiper", "sluis", "smeersel", "smet", "smikkel", "smout", "smuiger", "snabbel", "snack",
    "snapper", "snater", "snavel", "snee", "sneeuw", "snipper", "snoek", "snoep", "snoeper",
    "snoer", "snoet", "snuit", "snuiter", "snuiver", "soep", "soiree", "sokkel", "sortie",
    "souper", "souspied", "souvenir", "spaander", "spalier", "span", "spanband", "spandoek",
    "spang", "spant", "spar", "spatbord", "spatel", "spatie", "specht", "speel", "spek", "speld",
    "speler", "spelfout", "sperwer", "spie", "spiegel", "spier", "spijer", "spijker", "spijl",
    "spikkel", "spionne", "spit", "splinter", "spoel", "spons", "spot", "sprang", "sprank",
    "sprankel", "spray", "spreeuw", "sprei", "sprenkel", "spriet", "springer", "sprint",
    "sproeier", "sprokkel", "sprong", "sprot", "spruit", "spui", "spurt", "staander", "staart",
    "staat", "stad", "staffel", "stal", "stalle", "stamboek", "staminee", "stamlijn", "stamper",
    "stand", "stander", "stang", "stapel", "stapper", "startset", "steeg", "steel", "steen",
    "steenuil", "steiger", "stek", "stekel", "steker", "stekker", "stelsel", "stempel", "stencil",
    "steng", "stengel", "stern", "steun", "steur", "stevel", "sticker", "stiel", "stier", "stift",
    "stijl", "stiksel", "stippel", "stoel", "stoep", "stofdoek", "stoffer", "stofwolk", "stok",
    "stokerij", "stommel", "stoombad", "stoppel", "stopper", "stopsel", "storm", "strand",
    "streng", "strengel", "strijk", "strip", "stro", "strohalm", "strohoed", "stronk", "struik",
    "stuit", "stuiter", "stuiver", "stuk", "stulp", "stunt", "stuur", "stuw", "subgroep",
    "subsidie", "suiker", "syrah", "taalboek", "taalfout", "taart", "tableau", "tablet", "tafel",
    "tailleur", "takel", "talie", "talud", "tamboer", "tand", "tandwiel", "tang", "tank", "tante",
    "tapbier", "tapijt", "tapperij", "tater", "teckel", "teevee", "tegel", "teil", "teken",
    "tekening", "tekst", "telefoon", "teller", "tempel", "tender", "tengel", "tent", "tentdak",
    "tenue", "termijn", "terpdorp", "terrein", "terrine", "test", "testset", "teug", "teugel",
    "theater", "theekist", "theepot", "tichel", "tien", "tijd", "tijger", "tijm", "tikkel",
    "tikker", "tint", "titel", "tittel", "toast", "tobbe", "tocht", "toef", "toer", "toernooi",
    "toet", "toeter", "toets", "toffee", "toffel", "tong", "tongpunt", "tongriem", "tonijn",
    "tool", "topper", "toren", "torn", "tornooi", "tortel", "toupet", "tournee", "touw",
    "tovenaar", "tralie", "tramlijn", "trapper", "trapveld", "tray", "trechter", "tree", "treil",
    "trein", "trek", "trekker", "treksel", "treuzel", "triangel", "tribune", "tricot", "triller",
    "trip", "troep", "troetel", "troffel", "trommel", "tromp", "trompet", "tronie", "trottoir",
    "truc", "truck", "truffel", "trui", "tube", "tuig", "tuil", "tuin", "tuinbank", "tuinpad",
    "tuinset", "tuit", "tulp", "tune", "tunnel", "tureluur", "tweet", "twijg", "twintig", "type",
    "typefout", "typist", "typiste", "uiensoep", "uier", "ulster", "uniform", "unster", "vaandel",
    "vaar", "vaart", "vaas", "vaat", "vaatdoek", "vadem", "vader", "valk", "vallei", "vanger",
    "varen", "varken", "veerpont", "veger", "vehikel", "veld", "vendel", "venster", "vent", "verf",
    "vergiet", "verslag", "verzet", "verzoek", "vest", "veter", "vetplant", "vetrand", "veulen",
    "vezel", "vier", "vierkant", "vijg", "vijl", "vijver", "vijzel", "vilt", "vinger", "vink",
    "vinkiel", "violier", "viool", "visdag", "vislijn", "vismarkt", "visser", "vissoep",
    "vistocht", "vladder", "vlag", "vlecht", "vleier", "vlet", "vleug", "vleugel", "vlieg",
    "vlieger", "vliem", "vlier", "vlijm", "vlinder", "vloei", "vloer", "vlonder", "vlooi", "vlot",
    "vlucht", "vlugger", "voer", "voertuig", "voet", "voetbad", "voetbank", "voetpomp", "vogel",
    "volger", "volk", "vondel", "vonder", "vonk", "voorn", "voortuin", "voren", "vork", "vorm",
    "vormfout", "vouw", "vracht", "vriend", "vrijdag", "vrouw", "vrucht", "vuist", "vuurwerk",
    "waaier", "waakhond", "wafel", "wagen", "walm", "walnoot", "walvis", "wandbord", "wandkast",
    "wandlamp", "wang", "wasbord", "wasem", "washand", "waslijn", "waslijst", "wasmerk", "wasser",
    "wastafel", "wasvrouw", "water", "waterloo", "weblog", "weeffout", "weefsel", "week",
    "weekboek", "weekdier", "weekeind", "weekend", "wegel", "weide", "weiland", "weinig", "wekker",
    "wereld", "werk", "werkbank", "werkboek", "werkdag", "werkhoek", "werkhond", "werkpunt",
    "werktuig", "wervel", "wesp", "weverij", "wezel", "wezen", "wieg", "wiel", "wijk", "wijn",
    "wijnboer", "wijndorp", "wijzer", "wikkel", "wilg", "wimpel", "wimper", "wind", "windsel",
    "winkel", "winst", "winter", "wipper", "wissel", "wolf", "wolk", "wonder", "woord", "worm",
    "worst", "wortel", "wrong", "wurm", "zaak", "zadel", "zadeldak", "zagerij", "zakcent",
    "zakdoek", "zalm", "zandbad", "zandbak", "zangboek", "zanger", "zanglijn", "zebra", "zeedier",
    "zeehond", "zeelt", "zeepaard", "zeepkist", "zeetocht", "zeewind", "zegel", "zeil", "zeilboot",
    "zeiler", "zender", "zetel", "zeven", "ziel", "zijkamer", "zitbank", "zoeker", "zoemer",
    "zoen", "zoet", "zolder", "zomer", "zond", "zoogdier", "zoom", "zoon", "zout", "zucht",
    "zuiger", "zuil", "zuster", "zwaan", "zwabber", "zwager", "zwaluw", "zwart", "zwavel",
    "zwembad", "zwengel", "zwerm", "zwerver", "zwijn",
};

/* Words of the list before 2026-12-07 that are taken out because they are
 * rude, hurtful, sexual, violent or about illness, which nobody should have
 * to read aloud to a colleague. New codes never use them; a code made
 * before (a recovery code printed and locked away) is still read. */
static const char *const retired[] = {
    "bandiet", "bankroet", "bastaard", "bedelaar", "bierbuik", "bijtwond", "bloed", "bloedbad",
    "blondine", "blow", "bochel", "boezem", "borst", "bullet", "darm", "debacle", "deugniet",
    "dikkerd", "druiper", "duivel", "duvel", "dwerg", "eikel", "etter", "femelaar", "fistel",
    "flauwte", "fluim", "galg", "gelul", "gelule", "gozer", "grafveld", "griep", "griet",
    "hangbuik", "heks", "hoest", "indiaan", "jokken", "kadaver", "kakhoofd", "kapo", "karabijn",
    "kerker", "keutel", "klier", "klungel", "knoeier", "kramp", "kreng", "kwezel", "lefgozer",
    "leugen", "lodder", "loeder", "luier", "made", "malheur", "mokkel", "mortier", "mummie",
    "neukdier", "neukhoer", "nier", "nikker", "oorlog", "opdonder", "opduvel", "oproer", "paap",
    "pesterij", "piel", "piet", "pijn", "pijnpunt", "pijphoer", "pisser", "pitbull", "plee",
    "poeper", "pranger", "puist", "pukkel", "pummel", "rechute", "revolver", "rotzooi", "rouwrand",
    "ruzie", "sadist", "sater", "schede", "schedel", "schooier", "seksboek", "seksfilm",
    "slagader", "slecht", "slip", "sloeber", "smoel", "snot", "stakker", "stoot", "striem",
    "stront", "strop", "stumper", "sufferd", "sukkel", "tepel", "tippel", "verzuim", "vlegel",
    "voyeur", "vrijer", "vrijerij", "vrijster", "wicht", "windel", "wond", "zaadzoen", "zenuw",
    "zonde", "zooi", "zuigmond",
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

bool codewords_retired(const char *word)
{
    return bsearch(word, retired, sizeof retired / sizeof retired[0], sizeof retired[0],
                   cmp_word) != NULL;
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
        if (codewords_index(word) < 0 && !codewords_retired(word))
            return -1;
        buf_printf(out, "%s%s", n > 1 ? " " : "", word);
        p += len;
    }
    return n == nwords ? 0 : -1;
}
