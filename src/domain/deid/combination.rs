//! Combination risk: details that identify nobody alone but together may single out one person
//! ("a retired headteacher in her 70s, recently widowed, whose son was in the news after the
//! flood"). The scanner's findings are spans; this is a judgement over the whole case (title,
//! sections, tags and context lists together), so it answers once per case.
//!
//! Each kind of detail is found by one case-insensitive pattern over the text as typed. A case
//! is flagged when details of at least three different kinds appear anywhere in it, or two
//! when one of them is a uniqueness phrase ("the only pharmacist on the island"). Common
//! details (a decade of age, a common diagnosis, a common job) are deliberately not kinds:
//! every case has them, and a warning on every case would be ignored. The warning never blocks;
//! the author and the moderator weigh it, and the moderator's checklist asks about it.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

/// A kind of detail that narrows who a client could be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Factor {
    /// An exact or narrow age ("a 47-year-old", "just turned 60", "in her late 50s").
    Age,
    /// A rare diagnosis or a visible condition.
    Diagnosis,
    /// A small or described place ("a village of about 600", "the island").
    Place,
    /// A public or rare occupation (headteacher, vicar, the local GP, councillor).
    Occupation,
    /// A family event or structure few share (widowed, triplets, lost a child).
    Family,
    /// A newsworthy event, even unnamed ("the flood that made the national news").
    Event,
    /// Where the author works or lives ("here in our rural practice").
    AuthorLocation,
    /// Anything else that makes someone stand out: "the only …", a public role, fame.
    Other,
}

impl Factor {
    pub fn as_str(self) -> &'static str {
        match self {
            Factor::Age => "age",
            Factor::Diagnosis => "diagnosis",
            Factor::Place => "place",
            Factor::Occupation => "occupation",
            Factor::Family => "family",
            Factor::Event => "event",
            Factor::AuthorLocation => "author_location",
            Factor::Other => "other",
        }
    }

    /// The factor as a reader names it in the reason ("age + occupation + small place").
    pub fn label(self) -> &'static str {
        match self {
            Factor::Age => "exact age",
            Factor::Diagnosis => "rare condition",
            Factor::Place => "small place",
            Factor::Occupation => "occupation",
            Factor::Family => "family event",
            Factor::Event => "news event",
            Factor::AuthorLocation => "where you practise",
            Factor::Other => "stand-out detail",
        }
    }

    /// What to write instead, in a clinician's words.
    pub fn advice(self) -> &'static str {
        match self {
            Factor::Age => "give an age band (\"in her 40s\") instead of the exact age",
            Factor::Diagnosis => {
                "name a broader group (\"a progressive neurological condition\") or leave it out \
                 if it is not needed for the question"
            }
            Factor::Place => "say \"a rural area\" or \"a small community\" without its size",
            Factor::Occupation => {
                "name a field (\"works in education\", \"a public-facing role\") instead of the job"
            }
            Factor::Family => "leave out the family detail or make it general (\"a bereavement\")",
            Factor::Event => "leave out the event or say \"a distressing local event\"",
            Factor::AuthorLocation => "leave out where you practise",
            Factor::Other => {
                "leave out what makes them the only one, or make it general (\"a well-known local \
                 figure\" becomes \"someone known in the community\")"
            }
        }
    }

    fn pattern(self) -> &'static Regex {
        match self {
            Factor::Age => &AGE,
            Factor::Diagnosis => &DIAGNOSIS,
            Factor::Place => &PLACE,
            Factor::Occupation => &OCCUPATION,
            Factor::Family => &FAMILY,
            Factor::Event => &EVENT,
            Factor::AuthorLocation => &AUTHOR_LOCATION,
            Factor::Other => &OTHER,
        }
    }

    const ALL: [Factor; 8] = [
        Factor::Age,
        Factor::Diagnosis,
        Factor::Place,
        Factor::Occupation,
        Factor::Family,
        Factor::Event,
        Factor::AuthorLocation,
        Factor::Other,
    ];
}

/// Where a factor was found: which part of the case, and its first occurrence there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FactorHit {
    pub factor: Factor,
    /// The part's key, as given to `assess` (a field name, "tags", "context").
    pub part: String,
    /// Byte offsets into that part's text.
    pub start: usize,
    pub end: usize,
}

/// A case whose details together may single out one person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CombinationRisk {
    /// One hit per factor kind, in the order of `Factor`.
    pub factors: Vec<FactorHit>,
    /// "exact age + occupation + small place together may single out one person".
    pub reason: String,
    /// What to generalise, one line per factor.
    pub advice: Vec<String>,
}

/// Every kind of detail found in the parts, whether or not they add up to a warning: for the
/// corpus test's report of what a missed post held.
pub fn factors_found(parts: &[(&str, &str)]) -> Vec<Factor> {
    Factor::ALL
        .into_iter()
        .filter(|f| parts.iter().any(|(_, text)| f.pattern().is_match(text)))
        .collect()
}

/// The whole case, part by part (`(key, text)`): sections, title, tags and the context lists.
/// `None` when the details do not combine into a small group.
pub fn assess(parts: &[(&str, &str)]) -> Option<CombinationRisk> {
    let mut found: Vec<FactorHit> = Vec::new();
    let mut unique = false;
    for factor in Factor::ALL {
        let first = parts.iter().find_map(|(key, text)| {
            factor.pattern().find(text).map(|m| FactorHit {
                factor,
                part: (*key).to_owned(),
                start: m.start(),
                end: m.end(),
            })
        });
        if let Some(hit) = first {
            found.push(hit);
        }
    }
    for (_, text) in parts {
        unique |= UNIQUE.is_match(text);
    }
    let needed = if unique { 2 } else { 3 };
    if found.len() < needed {
        return None;
    }
    let labels: Vec<&str> = found.iter().map(|h| h.factor.label()).collect();
    Some(CombinationRisk {
        reason: format!("{} together may single out one person", labels.join(" + ")),
        advice: found.iter().map(|h| h.factor.advice().to_owned()).collect(),
        factors: found,
    })
}

/// Case-insensitive; words are ASCII letters and boundaries ASCII ones, so the automata stay
/// small (Unicode's word class repeated in a pattern costs megabytes) and fast.
fn build(pattern: &str) -> Regex {
    // The patterns are constants checked by the unit tests; a typo there is a bug in this
    // file, never something a member typed.
    #[allow(clippy::expect_used)]
    Regex::new(&format!("(?i){pattern}")).expect("combination pattern compiles")
}

const NUMBER_WORD: &str = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";

static AGE: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"(?-u:\b)(?:\d{{1,2}}[- ]?(?:years?|yrs?)[- ]old|\d{{1,2}}[- ]?(?:yo|y/o|y\.o\.)(?-u:\b)|aged? \d{{1,2}}(?-u:\b)|(?:just )?turned (?:\d{{1,2}}(?-u:\b)|{NUMBER_WORD})|(?:early|mid|late)[- ](?:\d0s|{NUMBER_WORD}-?ies)|\d{{1,2}}(?:st|nd|rd|th) birthday|(?:he|she|they|who)(?:'s|\s+is|\s+was|\s+are)\s+\d{{1,2}}(?-u:\b)(?:\s*(?:years?|yrs?)(?-u:\b)|[,.;)]|\s+and(?-u:\b))|[a-z]+,\s\d{{2}},\s|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)[- ]year[- ]old)"
    ))
});

static DIAGNOSIS: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?-u:\b)(?:huntington|motor neuro(?:n|ne) disease|mnd(?-u:\b)|als(?-u:\b)|amyotrophic|ehlers[- ]danlos|cystic fibrosis|muscular dystrophy|duchenne|spina bifida|amputat|prosthe(?:tic|sis)|cochlear implant|deafblind|albinism|achondroplasia|dwarfism|facial (?:difference|disfigurement|scarring)|disfigur|cleft (?:lip|palate)|prader[- ]willi|williams syndrome|rett syndrome|fragile x|turner syndrome|klinefelter|marfan|progeria|locked[- ]in syndrome|(?:heart|lung|liver|kidney|face) transplant|sarcoma|mesothelioma|conjoined|haemophilia|hemophilia|myasthenia|friedreich|neurofibromatosis|paraplegi|tetraplegi|quadriplegi|alopecia universalis|rare (?:[a-z'’-]+ )?(?:form|type|subtype|variant|mutation|cancer|disease|disorder|condition|syndrome|illness|tumou?r)|birthmark|port[- ]wine stain|burns? scar|scarring to (?:her|his|their) face|young[- ]onset|early[- ]onset|(?:sight|blind|vision) in one eye|limb difference|ocular melanoma|(?:very )?rare genetic|ultra[- ]rare|one of (?:only )?(?:a handful|a few|\d+) (?:people|cases|patients))",
    )
});

static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?-u:\b)(?:village|hamlet|the island|an island|on the island|small island|isle(?-u:\b)|small (?:[a-z'’-]+ )?(?:town|village|community)|tiny town|in the glen|market town|remote (?:town|community|area|village|settlement)|mining town|fishing (?:village|town|community|port)|farming community|crofting|township|reservation|(?-u:\b)reserve(?-u:\b)|population of|(?:town|village|community|place|island|valley) of (?:about |around |roughly |some |only |just |fewer than |under )?\d[\d,]*|\d[\d,]* (?:people|residents|souls|inhabitants)|everyone knows everyone|close[- ]knit|small community|tight[- ]knit|the valley|up the glen|the only (?:school|secondary|primary|shop|pub|church|chapel|surgery|gp practice|practice|pharmacy|bus|road|employer|factory|mine|hospital)(?-u:\b))",
    )
});

static OCCUPATION: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?-u:\b)(?:head ?teacher|headmaster|headmistress|deputy head|school principal|principal of|vicar|parish priest|(?-u:\b)priest(?-u:\b)|imam|rabbi|pastor|chaplain|bishop|minister of|church minister|the (?:local|village|town|island)(?:'s)? (?:gp|doctor|vet|dentist|pharmacist|policeman|police officer|solicitor|teacher)|pharmacist|police (?:inspector|sergeant|chief|superintendent|constable)|chief constable|detective|firefighter|fire chief|station officer|mayor|councillor|council leader|(?-u:\b)mp(?-u:\b)|member of parliament|senator|assemblyman|judge|magistrate|coroner|sheriff|footballer|rugby player|cricketer|athlete|olympi|paralympi|presenter|newsreader|broadcaster|journalist|news reporter|celebrity|actor|actress|famous|pop star|politician|barrister|lifeboat|coastguard|ferry (?:captain|skipper)|harbour ?master|postmaster|postmistress|publican|landlord of the|landlady of the|lollipop|school governor|head of (?:the )?(?:school|department|practice|service)|surgeon|consultant (?:surgeon|anaesthetist|anesthetist|cardiologist|oncologist)|professor|vice[- ]chancellor|chief executive|(?-u:\b)ceo(?-u:\b)|managing director|owns the|runs the (?:local|village|town|only|family)|funeral director|undertaker|piper|town crier|principal dancer|ballet dancer|ballerina|presents (?:the|a|an) (?:[a-z'’-]+ ){0,3}(?:news|programme|program|show)|(?:mine|mountain|cave|sea) rescue|rescue team|the only (?:[a-z'’-]+ )?(?:doctor|gp|nurse|pharmacist|chemist|vet|teacher|midwife|priest|minister|police officer|policeman|dentist|solicitor|shopkeeper|counsell?or)|park ranger|game warden|air traffic|pilot(?-u:\b)|astronaut|diplomat|ambassador)",
    )
});

static FAMILY: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?-u:\b)(?:widow(?:ed|er)?|twice widowed|bereaved (?:mother|father|parent|of)|lost (?:her|his|their) (?:only )?(?:son|daughter|child|baby|twin|husband|wife|partner|brother|sister)|(?:death|loss|suicide) of (?:her|his|their) (?:only )?(?:son|daughter|child|baby|twin|husband|wife|partner)|(?:her|his|their) (?:son|daughter|child|husband|wife) (?:died|was killed|took (?:his|her) own life)|triplets|quadruplets|quintuplets|sextuplets|adopted (?:from|at|as|when)|was adopted|adoptive|youngest of (?:\d+|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|eight|seven)|eldest of (?:\d+|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|eight|seven)|one of (?:nine|ten|eleven|twelve|thirteen|fourteen|fifteen) (?:children|siblings|kids)|(?:nine|ten|eleven|twelve|thirteen|fourteen|fifteen) (?:children|kids|grandchildren)|stillbirth|stillborn|(?:her|his|their) (?:[a-z'’-]+[- ]year[- ]old |teenage |only |young )?(?:son|daughter|child|baby|twin) (?:died|was killed|was one of|drowned)|(?:father|mother|parent) of (?:seven|eight|nine|ten|eleven|twelve|\d{2})|surrogate|kinship carer|raising (?:her|his|their) grandchild)",
    )
});

static EVENT: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?-u:\b)(?:the (?:flood|floods|flooding|fire|blaze|crash|collision|derailment|explosion|blast|shooting|stabbing|murder|killing|inquest|court case|tribunal|strike|closure|collapse|disaster|tragedy|landslide|landslip|storm|tornado|hurricane|cyclone|earthquake|bushfire|wildfire|avalanche|sinking|capsize|drowning|riot|attack|siege|explosion|scandal|lockout|layoffs|redundancies)(?-u:\b)|the (?:[a-z'’-]+ )?(?:flood|floods|fire|blaze|crash|sinking|explosion|collapse|derailment|shooting|stabbing|disaster|landslide|storm|tornado|earthquake|bushfire|wildfire|avalanche|riot|siege)(?-u:\b)|(?:in|on|made|hit) the (?:local |national |regional )?(?:news|papers|paper|headlines|telly|television|front page)|(?:every|all the) news channels?|telethon|(?:going|gone) viral|on (?:breakfast|national|daytime|live) (?:tv|television)|headlines|went viral|front[- ]page|press coverage|media coverage|news coverage|local (?:newspaper|paper|radio)|reported in the|covered by the|public inquiry|(?:won|winning) the lottery|lottery win)",
    )
});

static AUTHOR_LOCATION: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?-u:\b)(?:here in|(?:in|around|across) our (?:town|village|area|community|practice|patch|island|valley|region|county|city|service|borough|parish)|our (?:rural|small|island|village|remote|little|tiny|local|only) (?:[a-z'’-]+ )?(?:practice|clinic|service|centre|center|town|community|surgery|hospital|school|team)|(?:in|at|from) a rural (?:practice|service|clinic|health centre|surgery)|(?:two|three)-person (?:service|team|practice)|(?:anyone|no one|nobody) else here|i(?:'m| am) the only|as the only (?:counsell?or|therapist|psychologist|clinician|social worker|psychiatrist|nurse|practitioner|gp|doctor)|where i (?:work|practise|practice|live)|my (?:town|village|patch|island|valley|catchment)|(?:near|close to) (?:where i|my (?:home|practice|clinic|office)))",
    )
});

static OTHER: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?-u:\b)(?:the only (?:[a-z'’-]+ )?(?:woman|man|girl|boy|person|one|family|female|male|black|asian|openly|trans|wheelchair|deaf|blind)(?-u:\b)|well[- ]known|everyone (?:in (?:town|the village|the area) )?knows (?:him|her|them)|public figure|local (?:celebrity|figure|hero|personality)|recogni[sz]ed (?:everywhere|in the street)|distinctive|face tattoo|facial tattoo|(?:six|seven)[- ]foot[- ](?:five|six|seven|eight|nine|ten|eleven)|national (?:champion|record|title)|world (?:champion|record)|record[- ]holder|(?:won|winner of) (?:a |the )?(?:national|regional|county|international) |on the parish council|parish council|chair of the|chairs the|founded the|founder of|recogni[sz]able|recogni[sz]ed wherever|wherever (?:he|she|they) goes|known (?:right )?(?:across|throughout|all over) the (?:area|town|county|region|valley|island)|(?:at|to) (?:nearly |almost )?every (?:[a-z'’-]+ )?(?:funeral|wedding|event|match|show|fair|festival)|champion(?-u:\b)|championships?|at (?:national|international|olympic|county) level|strong(?:man|woman)|bodybuilder|tattoos|(?:over|nearly|almost) (?:two|2) met(?:re|er)s|talent show|televised|bravery award)",
    )
});

/// A phrase that says the person is one of a kind: with one more detail, that is enough.
static UNIQUE: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?-u:\b)(?:the only (?:[a-z'’-]+ ){0,3}(?:in|on|at|for|within) (?:the |our |this |a |that |his |her |their )?(?:[a-z'’-]+ ){0,2}(?:town|village|island|valley|area|county|region|district|community|school|practice|station|force|team|church|parish|street|estate|city)|only (?:[a-z'’-]+ ){0,2}(?:in|on) (?:the |our )?(?:island|village|town|valley))",
    )
});

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn factors(text: &str) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Factor::ALL
            .into_iter()
            .filter(|f| f.pattern().is_match(text))
            .map(Factor::as_str)
            .collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn every_pattern_compiles() {
        for f in Factor::ALL {
            let _ = f.pattern();
        }
        let _ = &*UNIQUE;
    }

    #[test]
    fn the_headteacher_in_the_issue_is_flagged() {
        let text = "A retired headteacher in her late 70s, recently widowed, whose son was in \
                    the news after the flood.";
        let risk = assess(&[("situation", text)]).expect("flagged");
        let kinds: Vec<Factor> = risk.factors.iter().map(|h| h.factor).collect();
        assert_eq!(
            kinds,
            vec![
                Factor::Age,
                Factor::Occupation,
                Factor::Family,
                Factor::Event
            ]
        );
        assert!(
            risk.reason.contains("exact age + occupation"),
            "{}",
            risk.reason
        );
        assert!(risk.reason.ends_with("together may single out one person"));
        assert_eq!(risk.advice.len(), 4);
        let hit = &risk.factors[1];
        assert_eq!(&text[hit.start..hit.end], "headteacher");
    }

    #[test]
    fn common_details_are_not_factors() {
        for text in [
            "A woman in her 30s, a nurse, with two children and recurrent depression.",
            "A 34-year-old teacher with GAD, recently divorced.",
            "He is a retired builder with PTSD from his army service; lives with his partner.",
            "Student, 19, ADHD and low mood; parents separated when she was small.",
        ] {
            assert!(
                assess(&[("situation", text)]).is_none(),
                "{text}: {:?}",
                factors(text)
            );
        }
    }

    #[test]
    fn factors_across_parts_combine_and_keep_their_part() {
        let parts = [
            ("situation", "She has Huntington's disease."),
            ("stuck", "She lives in a village of about 400."),
        ];
        assert!(assess(&parts).is_none(), "two factors alone do not flag");
        let parts = [
            ("situation", "A 52-year-old with Huntington's disease."),
            ("stuck", "She lives in a village of about 400."),
        ];
        let risk = assess(&parts).expect("three factors flag");
        let place = risk
            .factors
            .iter()
            .find(|h| h.factor == Factor::Place)
            .expect("place");
        assert_eq!(place.part, "stuck");
        assert_eq!(&parts[1].1[place.start..place.end], "village");
    }

    #[test]
    fn one_of_a_kind_needs_only_one_more_detail() {
        let text = "She is the only female firefighter at the station in our village.";
        assert!(assess(&[("situation", text)]).is_some());
        let text = "He is a firefighter; the station is busy.";
        assert!(assess(&[("situation", text)]).is_none());
    }

    #[test]
    fn clinical_words_do_not_trip_it() {
        for text in [
            "A trial of sertraline; the transplant of skills to home; firing on all cylinders.",
            "She reads the news every morning and worries; we discussed her fire-setting history.",
            "Prescribed by her consultant psychiatrist; reviewed by the registrar.",
        ] {
            assert!(
                assess(&[("situation", text)]).is_none(),
                "{text}: {:?}",
                factors(text)
            );
        }
    }
}
