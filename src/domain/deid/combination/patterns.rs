//! The patterns of the combination check, one per kind of detail, compiled on first use.

use std::sync::LazyLock;

use regex::Regex;

use super::Factor;
use super::more_patterns as more;

/// The pattern that finds `factor`'s kind of detail.
pub(super) fn pattern(factor: Factor) -> Option<&'static Regex> {
    match factor {
        Factor::Age => AGE.as_ref(),
        Factor::Diagnosis => DIAGNOSIS.as_ref(),
        Factor::Place => PLACE.as_ref(),
        Factor::Occupation => OCCUPATION.as_ref(),
        Factor::Family => FAMILY.as_ref(),
        Factor::Event => EVENT.as_ref(),
        Factor::AuthorLocation => AUTHOR_LOCATION.as_ref(),
        Factor::Other => OTHER.as_ref(),
    }
}

/// Whether `text` says the person is one of a kind.
pub(super) fn says_unique(text: &str) -> bool {
    UNIQUE.as_ref().is_some_and(|r| r.is_match(text))
}

/// Case-insensitive; words are ASCII letters and boundaries ASCII ones, so the automata stay
/// small (Unicode's word class repeated in a pattern costs megabytes) and fast.
/// `None` for a pattern that does not compile: that kind of detail is then never found (a test
/// holds that every one compiles), and no member's text can make it fail.
fn build(pattern: &str) -> Option<Regex> {
    Regex::new(&format!("(?i){pattern}")).ok()
}

/// `base` and the second half's phrasings for the same kind, as one pattern.
fn build_with(more: &[&str], base: &str) -> Option<Regex> {
    build(&format!("{base}|{}", more.join("|")))
}

const NUMBER_WORD: &str = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";

static AGE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    build_with(
        more::AGE,
        &format!(
            r"(?-u:\b)(?:\d{{1,2}}[- ]?(?:years?|yrs?)[- ]old|\d{{1,2}}[- ]?(?:yo|y/o|y\.o\.)(?-u:\b)|aged? \d{{1,2}}(?-u:\b)|(?:just )?turned (?:\d{{1,2}}(?-u:\b)|{NUMBER_WORD})|(?:early|mid|late)[- ](?:\d0s|{NUMBER_WORD}-?ies)|\d{{1,2}}(?:st|nd|rd|th) birthday|(?:he|she|they|who)(?:'s|\s+is|\s+was|\s+are)\s+\d{{1,2}}(?-u:\b)(?:\s*(?:years?|yrs?)(?-u:\b)|[,.;)]|\s+and(?-u:\b))|[a-z]+,\s\d{{2}},\s|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)[- ]year[- ]old)"
        ),
    )
});

static DIAGNOSIS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    build_with(
        more::DIAGNOSIS,
        r"(?-u:\b)(?:huntington|motor neuro(?:n|ne) disease|mnd(?-u:\b)|als(?-u:\b)|amyotrophic|ehlers[- ]danlos|cystic fibrosis|muscular dystrophy|duchenne|spina bifida|amputat|prosthe(?:tic|sis)|cochlear implant|deafblind|albinism|achondroplasia|dwarfism|facial (?:difference|disfigurement|scarring)|disfigur|cleft (?:lip|palate)|prader[- ]willi|williams syndrome|rett syndrome|fragile x|turner syndrome|klinefelter|marfan|progeria|locked[- ]in syndrome|(?:heart|lung|liver|kidney|face) transplant|sarcoma|mesothelioma|conjoined|haemophilia|hemophilia|myasthenia|friedreich|neurofibromatosis|paraplegi|tetraplegi|quadriplegi|alopecia universalis|rare (?:[a-z'’-]+ )?(?:form|type|subtype|variant|mutation|cancer|disease|disorder|condition|syndrome|illness|tumou?r)|birthmark|port[- ]wine stain|burns? scar|scarring to (?:her|his|their) face|young[- ]onset|early[- ]onset|(?:sight|blind|vision) in one eye|limb difference|ocular melanoma|(?:very )?rare genetic|ultra[- ]rare|one of (?:only )?(?:a handful|a few|\d+) (?:people|cases|patients))",
    )
});

static PLACE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    build_with(
        more::PLACE,
        r"(?-u:\b)(?:village|hamlet|the island|an island|on the island|small island|isle(?-u:\b)|small (?:[a-z'’-]+ )?(?:town|village|community)|tiny town|in the glen|market town|remote (?:town|community|area|village|settlement)|mining town|fishing (?:village|town|community|port)|farming community|crofting|township|reservation|(?-u:\b)reserve(?-u:\b)|population of|(?:town|village|community|place|island|valley) of (?:about |around |roughly |some |only |just |fewer than |under )?\d[\d,]*|\d[\d,]* (?:people|residents|souls|inhabitants)|everyone knows everyone|close[- ]knit|small community|tight[- ]knit|the valley|up the glen|the only (?:school|secondary|primary|shop|pub|church|chapel|surgery|gp practice|practice|pharmacy|bus|road|employer|factory|mine|hospital)(?-u:\b))",
    )
});

static OCCUPATION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    build_with(
        more::OCCUPATION,
        r"(?-u:\b)(?:head ?teacher|headmaster|headmistress|deputy head|school principal|principal of|vicar|parish priest|(?-u:\b)priest(?-u:\b)|imam|rabbi|pastor|chaplain|bishop|minister of|church minister|the (?:local|village|town|island)(?:'s)? (?:gp|doctor|vet|dentist|pharmacist|policeman|police officer|solicitor|teacher)|pharmacist|police (?:inspector|sergeant|chief|superintendent|constable)|chief constable|detective|firefighter|fire chief|station officer|mayor|councillor|council leader|(?-u:\b)mp(?-u:\b)|member of parliament|senator|assemblyman|judge|magistrate|coroner|sheriff|footballer|rugby player|cricketer|athlete|olympi|paralympi|presenter|newsreader|broadcaster|journalist|news reporter|celebrity|actor|actress|famous|pop star|politician|barrister|lifeboat|coastguard|ferry (?:captain|skipper)|harbour ?master|postmaster|postmistress|publican|landlord of the|landlady of the|lollipop|school governor|head of (?:the )?(?:school|department|practice|service)|surgeon|consultant (?:surgeon|anaesthetist|anesthetist|cardiologist|oncologist)|professor|vice[- ]chancellor|chief executive|(?-u:\b)ceo(?-u:\b)|managing director|owns the|runs the (?:local|village|town|only|family)|funeral director|undertaker|piper|town crier|principal dancer|ballet dancer|ballerina|presents (?:the|a|an) (?:[a-z'’-]+ ){0,3}(?:news|programme|program|show)|(?:mine|mountain|cave|sea) rescue|rescue team|the only (?:[a-z'’-]+ )?(?:doctor|gp|nurse|pharmacist|chemist|vet|teacher|midwife|priest|minister|police officer|policeman|dentist|solicitor|shopkeeper|counsell?or)|park ranger|game warden|air traffic|pilot(?-u:\b)|astronaut|diplomat|ambassador)",
    )
});

static FAMILY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    build_with(
        more::FAMILY,
        r"(?-u:\b)(?:widow(?:ed|er)?|twice widowed|bereaved (?:mother|father|parent|of)|lost (?:her|his|their) (?:only )?(?:son|daughter|child|baby|twin|husband|wife|partner|brother|sister)|(?:death|loss|suicide) of (?:her|his|their) (?:only )?(?:son|daughter|child|baby|twin|husband|wife|partner)|(?:her|his|their) (?:son|daughter|child|husband|wife) (?:died|was killed|took (?:his|her) own life)|triplets|quadruplets|quintuplets|sextuplets|adopted (?:from|at|as|when)|was adopted|adoptive|youngest of (?:\d+|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|eight|seven)|eldest of (?:\d+|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|eight|seven)|one of (?:nine|ten|eleven|twelve|thirteen|fourteen|fifteen) (?:children|siblings|kids)|(?:nine|ten|eleven|twelve|thirteen|fourteen|fifteen) (?:children|kids|grandchildren)|stillbirth|stillborn|(?:her|his|their) (?:[a-z'’-]+[- ]year[- ]old |teenage |only |young )?(?:son|daughter|child|baby|twin) (?:died|was killed|was one of|drowned)|(?:father|mother|parent) of (?:seven|eight|nine|ten|eleven|twelve|\d{2})|surrogate|kinship carer|raising (?:her|his|their) grandchild)",
    )
});

static EVENT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    build_with(
        more::EVENT,
        r"(?-u:\b)(?:the (?:flood|floods|flooding|fire|blaze|crash|collision|derailment|explosion|blast|shooting|stabbing|murder|killing|inquest|court case|tribunal|strike|closure|collapse|disaster|tragedy|landslide|landslip|storm|tornado|hurricane|cyclone|earthquake|bushfire|wildfire|avalanche|sinking|capsize|drowning|riot|attack|siege|explosion|scandal|lockout|layoffs|redundancies)(?-u:\b)|the (?:[a-z'’-]+ )?(?:flood|floods|fire|blaze|crash|sinking|explosion|collapse|derailment|shooting|stabbing|disaster|landslide|storm|tornado|earthquake|bushfire|wildfire|avalanche|riot|siege)(?-u:\b)|(?:in|on|made|hit) the (?:local |national |regional )?(?:news|papers|paper|headlines|telly|television|front page)|(?:every|all the) news channels?|telethon|(?:going|gone) viral|on (?:breakfast|national|daytime|live) (?:tv|television)|headlines|went viral|front[- ]page|press coverage|media coverage|news coverage|local (?:newspaper|paper|radio)|reported in the|covered by the|public inquiry|(?:won|winning) the lottery|lottery win)",
    )
});

static AUTHOR_LOCATION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    build_with(
        more::AUTHOR_LOCATION,
        r"(?-u:\b)(?:here in|(?:in|around|across) our (?:town|village|area|community|practice|patch|island|valley|region|county|city|service|borough|parish)|our (?:rural|small|island|village|remote|little|tiny|local|only) (?:[a-z'’-]+ )?(?:practice|clinic|service|centre|center|town|community|surgery|hospital|school|team)|(?:in|at|from) a rural (?:practice|service|clinic|health centre|surgery)|(?:two|three)-person (?:service|team|practice)|(?:anyone|no one|nobody) else here|i(?:'m| am) the only|as the only (?:counsell?or|therapist|psychologist|clinician|social worker|psychiatrist|nurse|practitioner|gp|doctor)|where i (?:work|practise|practice|live)|my (?:town|village|patch|island|valley|catchment)|(?:near|close to) (?:where i|my (?:home|practice|clinic|office)))",
    )
});

static OTHER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    build_with(
        more::OTHER,
        r"(?-u:\b)(?:the only (?:[a-z'’-]+ )?(?:woman|man|girl|boy|person|one|family|female|male|black|asian|openly|trans|wheelchair|deaf|blind)(?-u:\b)|well[- ]known|everyone (?:in (?:town|the village|the area) )?knows (?:him|her|them)|public figure|local (?:celebrity|figure|hero|personality)|recogni[sz]ed (?:everywhere|in the street)|distinctive|face tattoo|facial tattoo|(?:six|seven)[- ]foot[- ](?:five|six|seven|eight|nine|ten|eleven)|national (?:champion|record|title)|world (?:champion|record)|record[- ]holder|(?:won|winner of) (?:a |the )?(?:national|regional|county|international) |on the parish council|parish council|chair of the|chairs the|founded the|founder of|recogni[sz]able|recogni[sz]ed wherever|wherever (?:he|she|they) goes|known (?:right )?(?:across|throughout|all over) the (?:area|town|county|region|valley|island)|(?:at|to) (?:nearly |almost )?every (?:[a-z'’-]+ )?(?:funeral|wedding|event|match|show|fair|festival)|champion(?-u:\b)|championships?|at (?:national|international|olympic|county) level|strong(?:man|woman)|bodybuilder|tattoos|(?:over|nearly|almost) (?:two|2) met(?:re|er)s|talent show|televised|bravery award)",
    )
});

/// A phrase that says the person is one of a kind: with one more detail, that is enough.
static UNIQUE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    build(
        r"(?-u:\b)(?:the only (?:[a-z'’-]+ ){0,3}(?:in|on|at|for|within) (?:the |our |this |a |that |his |her |their )?(?:[a-z'’-]+ ){0,2}(?:town|village|island|valley|area|county|region|district|community|school|practice|station|force|team|church|parish|street|estate|city)|only (?:[a-z'’-]+ ){0,2}(?:in|on) (?:the |our )?(?:island|village|town|valley))",
    )
});
