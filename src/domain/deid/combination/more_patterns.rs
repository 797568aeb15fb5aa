//! The second half of each kind's pattern: phrasings the first half missed, found on posts
//! written to vary them (`tests/deid/gaps/combination-gaps.txt`): an age by life stage or in
//! words, a relative's death or imprisonment told in a clause, the author's own setting told in
//! the first person, places by their size or remoteness, news told by its reach, a condition
//! told rare in other words; and after them the misses of held-out file 4. Joined to the first
//! half with `|` by `patterns`.

pub(super) const AGE: &[&str] = &[
    r#"(?-u:\b)(?:early|mid|late)[- ](?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies"#,
    r#"(?-u:\b)(?:a|the) (?:boy|girl|lad|lass|man|woman|child|teenager|teen|kid|young man|young woman|widow|widower) of \d{1,2}(?-u:\b)"#,
    r#"(?-u:\b)(?:he|she|they)(?:'s|’s| is| was| are| turned| turns) (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)(?-u:\b)"#,
    r#"(?-u:\b)(?:aged|turned|turning) (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)(?-u:\b)"#,
    r#"(?-u:\b)(?:just|recently) (?:turned|hit) \d{1,2}(?-u:\b)"#,
    r#"(?-u:\b)(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)[- ]year[- ]old(?-u:\b)"#,
    r#"(?-u:\b)year \d{1,2} (?:—|-|–) so \d{1,2}(?-u:\b)"#,
    r#"(?-u:\b)great[- ]grand(?:mother|father|ma|pa|parent)(?-u:\b)"#,
    r#"(?-u:\b)newly retired(?-u:\b)"#,
    r#"(?-u:\b)(?:lad|lass|boy|girl|teen|teenager|kid|child) of \d{1,2}(?-u:\b)"#,
    r#"(?-u:\b)(?:he|she)(?:'s|’s| is) (?:a|an) (?:[a-z'’-]+ )?\d{2}(?-u:\b)"#,
    r#"(?-u:\b)(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine),"#,
    r#"(?-u:\b)not yet (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)(?-u:\b)"#,
    r#"(?-u:\b)(?:client|patient|one|man|woman|boy|girl|child|son|daughter) (?:is|was) (?:\d{1,2}|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?))(?:,|;|\)| and(?-u:\b)| years(?-u:\b))"#,
    r#"(?-u:\b)final year of (?:sixth form|school|primary|secondary|university|college)(?-u:\b)"#,
    r#"(?-u:\b)gave birth (?:to [a-z'’ ]{2,20} )?at \d{2}(?-u:\b)"#,
    r#"(?:^|, )(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?), (?:who|a|an|the|and|with)(?-u:\b)"#,
];

pub(super) const DIAGNOSIS: &[&str] = &[
    r#"(?-u:\b)(?:only|just) (?:a )?(?:few|handful of|couple of|\d+|[a-z]+ hundred) (?:known )?(?:cases|people|patients|families)(?-u:\b)"#,
    r#"(?-u:\b)(?:condition|disease|syndrome|illness) (?:most doctors|that most|few doctors|doctors rarely)(?-u:\b)"#,
    r#"(?-u:\b)born with (?:a|an) (?:rare |very rare )?(?:condition|syndrome|disorder|genetic)(?-u:\b)"#,
    r#"(?-u:\b)(?:bullosa|ossificans|imperfecta|progressiva|pigmentosa|congenita)(?-u:\b)"#,
    r#"(?-u:\b)[a-z]+-[a-z]+ (?:disease|syndrome)(?-u:\b)"#,
    r#"(?-u:\b)runs (?:through|in) (?:a few |some |several )?famil"#,
    r#"(?-u:\b)nowhere else in the world(?-u:\b)"#,
    r#"(?-u:\b)(?:narcolepsy|cataplexy|acromegaly|supranuclear|pigmentos(?:a|um)|dehiscence|fabry|usher syndrome|brugada)(?-u:\b)"#,
    r#"(?-u:\b)(?:only ever read about|never (?:seen|had|met) another (?:case|patient)|case report|wrote (?:her|him|them) up)(?-u:\b)"#,
    r#"(?-u:\b)(?:rare enough|so rare|very rare|extremely rare)(?-u:\b)"#,
    r#"(?-u:\b)rare (?:[a-z'’-]+ ){0,3}(?:[a-z]+(?:itis|osis|emia|aemia|oma|pathy|trophy|plasia)|disorder|disease|condition|syndrome|cancer)(?-u:\b)"#,
    r#"(?-u:\b)tourette"#,
];

pub(super) const PLACE: &[&str] = &[
    r#"(?-u:\b)(?:town|village|community|island|settlement|township|parish|place) of (?:a (?:few|couple of) )?(?:hundred|thousand)(?-u:\b)"#,
    r#"(?-u:\b)for (?:about |around |roughly |over )?(?:a |\d+ |[a-z]+ )?(?:hundred )?(?:kilomet(?:re|er)s|miles|km)(?-u:\b)"#,
    r#"(?-u:\b)remote (?:[a-z'’-]+ )?(?:community|town|village|settlement|station|island|region|area)(?-u:\b)"#,
    r#"(?-u:\b)(?:in|on|at) (?:a|the) (?:glen|croft|station|travellers'? site|traveller site|base|camp)(?-u:\b)"#,
    r#"(?-u:\b)more (?:sheep|cows|cattle) than people(?-u:\b)"#,
    r#"(?-u:\b)fly-in fly-out(?-u:\b)|(?-u:\b)fifo(?-u:\b)"#,
    r#"(?-u:\b)(?:everyone|everybody) (?:in (?:town|the village|the valley|the area) )?(?:knows|calls)(?-u:\b)"#,
    r#"(?-u:\b)single-track road(?-u:\b)|(?-u:\b)one-room school(?-u:\b)|(?-u:\b)one shop(?-u:\b)|(?-u:\b)no shop(?-u:\b)"#,
    r#"(?-u:\b)\d+ households(?-u:\b)|(?-u:\b)(?:eleven|twelve|twenty|thirty|forty|fifty) (?:households|houses|families)(?-u:\b)"#,
    r#"(?-u:\b)(?:peninsula|archipelago|atoll|outer islands|main island|the mainland|narrowboat|(?:cattle|sheep) station)(?-u:\b)"#,
    r#"(?-u:\b)within (?:a |\d+ |[a-z]+ )?(?:hundred )?(?:kilomet(?:re|er)s|miles|km)(?-u:\b)"#,
    r#"(?-u:\b)(?:a (?:few|couple of) |\d+ |[a-z]+ )hundred (?:people|residents|souls|inhabitants)(?-u:\b)"#,
    r#"(?-u:\b)fewer than (?:\d+|[a-z]+) (?:residents|people|households|families|pupils)(?-u:\b)"#,
    r#"(?-u:\b)estate of (?:about |around |some )?\d+(?-u:\b)"#,
    r#"(?-u:\b)makes? (?:most of )?its living from(?-u:\b)|(?-u:\b)company town(?-u:\b)"#,
    r#"(?-u:\b)remote (?:[a-z'’-]+ ){0,2}(?:base|station|community|island|settlement)(?-u:\b)"#,
    r#"(?-u:\b)(?:\d+|[a-z]+) families left(?-u:\b)"#,
    r#"(?-u:\b)closed (?:religious )?community(?-u:\b)"#,
    r#"(?-u:\b)smallest (?:island|village|town|community)(?-u:\b)"#,
    r#"(?-u:\b)hill[- ]farm"#,
    r#"(?-u:\b)canal towns?(?-u:\b)"#,
];

pub(super) const OCCUPATION: &[&str] = &[
    r#"(?-u:\b)(?:ran|runs|owned|owns|kept|keeps|managed|manages) the (?:[a-z'’-]+ ){0,2}(?:post office|shop|pub|bakery|garage|farm|hotel|butcher'?s|chemist'?s|school|surgery|ferry|newsagent'?s|store|mill|lighthouse|caf[eé]|restaurant|practice|market|library|station)(?-u:\b)"#,
    r#"(?-u:\b)district nurse(?-u:\b)"#,
    r#"(?-u:\b)(?:the|a) (?:former |retired |ex-)?(?:olympic|olympian|international|professional|premier league|test) "#,
    r#"(?-u:\b)taught (?:every|all the|generations of|half the) "#,
    r#"(?-u:\b)was the (?:[a-z'’-]+ ){0,2}(?:nurse|teacher|doctor|gp|vet|midwife|priest|vicar|minister|policeman|police officer|postman|postmistress|postmaster|headteacher|mayor|judge|chief)(?-u:\b)"#,
    r#"(?-u:\b)(?:local|county|town|district|parish) councillor(?-u:\b)"#,
    r#"(?-u:\b)high[- ]profile(?-u:\b)"#,
    r#"(?-u:\b)(?:firefighter|paramedic|lifeguard|midwife|ranger|warden|lighthouse keeper|harbourmaster|ferryman|fisherman|trawlerman|shepherd|gamekeeper|stalker|ghillie)(?-u:\b)"#,
    r#"(?-u:\b)(?:blacksmith|farrier|undertaker|postman|postwoman|padre|lighthouse|ferryman|commercial diver|offshore|juror|sergeant at|constable at)(?-u:\b)"#,
    r#"(?-u:\b)that (?:vet|doctor|gp|teacher|priest|nurse|policeman)(?-u:\b)"#,
    r#"(?-u:\b)the (?:village|town|island|local|base|estate|only|one)(?:'s|’s)? (?:[a-z'’-]+ )?(?:vet|doctor|gp|priest|nurse|sergeant|postman|padre|chaplain|officer|teacher|shopkeeper|keeper|medic|ranger)(?-u:\b)"#,
    r#"(?-u:\b)(?:drives|runs|skippers) the (?:[a-z'’-]+ ){0,2}(?:bus|ferry|boat|train|mail boat)(?-u:\b)"#,
    r#"(?-u:\b)teach(?:es)? [a-z]+ to half(?-u:\b)"#,
    r#"(?-u:\b)in charge of the(?-u:\b)"#,
    r#"(?-u:\b)(?:television|tv) (?:series|show|programme|program)(?-u:\b)"#,
    r#"(?-u:\b)(?:large-animal vet|farm vet|airline captain|sheepdog|(?:hill|sheep|dairy|cattle) farmer|farms on (?:her|his|their) own)(?-u:\b)"#,
];

pub(super) const FAMILY: &[&str] = &[
    r#"(?-u:\b)(?:her|his|their) (?:[a-z'’-]+ ){0,2}(?:mother|father|mum|mom|dad|parents?|brother|sister|son|daughter|child|children|husband|wife|partner|twin|grandson|granddaughter|grandchild|baby|fianc[ée]e?|uncle|aunt|stepfather|stepmother|stepson|stepdaughter)(?: [a-z'’-]+){0,3} (?:died|was killed|were killed|was lost|were lost|drowned|took (?:his|her|their) own li(?:fe|ves)|is in prison|went to prison|was convicted|was jailed|was sentenced|disappeared|went missing|was murdered|was one of)(?-u:\b)"#,
    r#"(?-u:\b)(?:twin|triplet|quadruplet)s?(?-u:\b)"#,
    r#"(?-u:\b)adopted (?:[a-z]+ )?(?:children|kids|sons|daughters|siblings)(?-u:\b)"#,
    r#"(?-u:\b)fostered (?:over |more than )?(?:\d+|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)|dozens of|hundreds of) "#,
    r#"(?-u:\b)raising (?:her|his|their) (?:[a-z'’-]+ ){0,2}(?:siblings|brothers|sisters|grandchildren|grandkids|nieces|nephews|grandson|granddaughter)(?-u:\b)"#,
    r#"(?-u:\b)(?:mother|father|mum|mom|dad|parents) died when (?:she|he|they) was(?-u:\b)"#,
    r#"(?-u:\b)(?:lost|buried) (?:both (?:her|his|their) )?(?:parents|sons|daughters|children|brothers|sisters) (?:in|within)(?-u:\b)"#,
    r#"(?-u:\b)(?:her|his|their) (?:husband|wife|partner|son|daughter|brother|sister|father|mother|dad|mum) is in (?:prison|jail)(?-u:\b)"#,
    r#"(?-u:\b)in (?:prison|jail) for(?-u:\b)"#,
    r#"(?-u:\b)kinship care(?-u:\b)"#,
    r#"(?-u:\b)(?:mother|father|mum|mom|dad|parents?|brother|sister|son|daughter|child|children|husband|wife|partner|twin|grandson|granddaughter|grandchild|baby|fianc[ée]e?|uncle|aunt|stepfather|stepmother|stepson|stepdaughter),? who (?:died|was killed|took (?:his|her|their) own life)(?-u:\b)"#,
    r#"(?-u:\b)died by suicide(?-u:\b)"#,
    r#"(?-u:\b)(?:\d+|seven|eight|nine|ten|eleven|twelve) (?:siblings|brothers|sisters)(?-u:\b)"#,
    r#"(?-u:\b)awaiting trial(?-u:\b)"#,
    r#"(?-u:\b)lost (?:[a-z'’-]+ ){0,4}(?:her|his|their) (?:mother|father|mum|mom|dad|parents?|brother|sister|son|daughter|child|children|husband|wife|partner|twin|grandson|granddaughter|grandchild|baby|fianc[ée]e?|uncle|aunt|stepfather|stepmother|stepson|stepdaughter)(?-u:\b)"#,
    r#"(?-u:\b)after (?:two|three|four|five) decades(?-u:\b)"#,
    r#"(?-u:\b)both (?:her|his|their) parents(?-u:\b)"#,
    r#"(?-u:\b)(?:three|four|five) generations(?-u:\b)"#,
    r#"(?-u:\b)who took (?:his|her|their) own li(?:fe|ves)(?-u:\b)"#,
    r#"(?-u:\b)(?:her|his|their) (?:mother|father|mum|dad|parents?) (?:sits|is|was|are|were) (?:as )?(?:a |an |the )?(?:magistrate|judge|councillor|mayor|mp|partner|head|vicar|priest|minister|headteacher|consultant)(?-u:\b)"#,
];

pub(super) const EVENT: &[&str] = &[
    r#"(?-u:\b)(?:in|ran in|made|across|led|hit|on) (?:every|all the|the) (?:[a-z]+ )?(?:papers?|news|headlines)(?-u:\b)"#,
    r#"(?-u:\b)(?:made|led|hit) (?:the )?(?:national |international |local |regional )?(?:news|headlines|papers)(?-u:\b)"#,
    r#"(?-u:\b)(?:every|all the) news (?:crews?|channels?|outlets?)(?-u:\b)"#,
    r#"(?-u:\b)(?:the|a) (?:[a-z'’-]+ ){0,2}(?:trial|court case|inquiry|enquiry|inquest|collapse|flood(?:ing)?|fire|crash|sinking|explosion|shooting|attack)(?-u:\b)[^.\n]{0,40}(?-u:\b)(?:papers?|news|headlines|media|press|everyone)(?-u:\b)"#,
    r#"(?-u:\b)won the lottery(?-u:\b)|(?-u:\b)lottery win(?-u:\b)|(?-u:\b)book deal(?-u:\b)"#,
    r#"(?-u:\b)go(?:es)? round on everyone'?s phones(?-u:\b)|(?-u:\b)went viral(?-u:\b)"#,
    r#"(?-u:\b)(?:on|across) every (?:channel|news|network|front page)(?-u:\b)"#,
    r#"(?-u:\b)you'?ll (?:all )?remember(?-u:\b)|(?-u:\b)the footage(?-u:\b)"#,
    r#"(?-u:\b)(?:went|go(?:es)?|gone) (?:a)?round the world(?-u:\b)"#,
    r#"(?-u:\b)all over the (?:news|papers|internet|tv|telly|media)(?-u:\b)"#,
    r#"(?-u:\b)(?:half|the whole of|the whole) (?:the )?country (?:followed|watched|saw)(?-u:\b)"#,
    r#"(?-u:\b)the story ran(?-u:\b)"#,
    r#"(?-u:\b)(?:capsized|ditched|derailed|was washed out|was cut off|were cut off)(?-u:\b)"#,
    r#"(?-u:\b)the (?:[a-z'’-]+ ){0,2}outbreak(?-u:\b)"#,
    r#"(?-u:\b)(?:made|hit|in) the (?:[a-z]+ )?press(?-u:\b)"#,
];

pub(super) const AUTHOR_LOCATION: &[&str] = &[
    r#"(?-u:\b)I(?:'m|’m| am) (?:the|a|one of (?:the|two|three)) (?:only |one |sole |school |visiting |local |fifo |rural |remote |resident |district |in-house )(?:[a-z-]+ ){0,2}(?:psychologist|counsell?or|therapist|social worker|nurse|gp|doctor|clinician|psychiatrist|practitioner|mental health worker|psychotherapist|chaplain)s?(?-u:\b)"#,
    r#"(?-u:\b)I (?:work|practise|practice|live|run|cover|fly|visit|am based|'m based)(?-u:\b)[^.\n]{0,70}(?-u:\b)(?:island|village|town|community|reservation|reserve|mine|valley|glen|district|county|surgery|practice|clinic|base|camp|township|estate|outback|parish|settlement|station)(?-u:\b)"#,
    r#"(?-u:\b)I(?:'m|’m| am) (?:the|a) (?:psychologist|counsell?or|therapist|social worker|nurse|gp|doctor|clinician|psychiatrist|practitioner|mental health worker|psychotherapist|chaplain)(?-u:\b)[^.\n]{0,40}(?-u:\b)(?:on|in|at|for) the (?:island|village|base|reservation|mine|estate|station)(?-u:\b)"#,
    r#"(?-u:\b)(?:our|my) (?:[a-z-]+ ){0,2}(?:district|region|county|valley|community|island|patch)(?-u:\b)"#,
    r#"(?-u:\b)it'?s (?:just )?me and (?:a|one) (?-u:\b)"#,
    r#"(?-u:\b)(?:from|in|at|with) (?:a|the|our|my) (?:tiny|small|little|rural|remote|one-person|solo) (?:[a-z'’-]+ ){0,2}(?:practice|service|clinic|surgery|team|post)(?-u:\b)"#,
    r#"(?-u:\b)I(?:'m|’m| am) on the (?:[a-z'’-]+ ){0,3}team at(?-u:\b)"#,
    r#"(?-u:\b)I do outreach(?-u:\b)|(?-u:\b)(?:service|practice|clinic) I run(?-u:\b)"#,
    r#"(?-u:\b)(?:writing|asking|posting) from (?:a|the|our|my)(?-u:\b)"#,
];

pub(super) const OTHER: &[&str] = &[
    r#"(?-u:\b)(?:mobility scooter|wheelchair user|uses a wheelchair|in a wheelchair|guide dog|assistance dog|white cane)(?-u:\b)"#,
    r#"(?-u:\b)local heroe?s?(?-u:\b)"#,
    r#"(?-u:\b)one of (?:only )?(?:two|three|four|a handful of|a few) (?:[a-z'’-]+ ){0,2}(?:women|men|girls|boys|people|families|doctors|nurses|firefighters|officers)(?-u:\b)"#,
    r#"(?-u:\b)(?:bright red|flame[- ]red|waist[- ]length|shaved) hair(?-u:\b)|(?-u:\b)hair down to (?:her|his) waist(?-u:\b)"#,
    r#"(?-u:\b)(?:known|recogni[sz]ed) (?:by|to) (?:everyone|everybody|the whole (?:town|village|island))(?-u:\b)"#,
    r#"(?-u:\b)(?:instantly|immediately|easily) recogni[sz]"#,
    r#"(?-u:\b)(?:four|five|six|seven) (?:foot|feet)(?: [a-z]+)?(?-u:\b)|(?-u:\b)(?:very|extremely) tall(?-u:\b)"#,
    r#"(?-u:\b)eye ?patch(?-u:\b)|(?-u:\b)scar (?:from|across|down|running)(?-u:\b)"#,
    r#"(?-u:\b)talk of the (?:town|village|island|valley|estate)(?-u:\b)"#,
    r#"(?-u:\b)guide horse(?-u:\b)"#,
    r#"(?-u:\b)one of (?:very few|the few|only a few) (?:[a-z'’-]+ ){0,2}(?:women|men|girls|boys|people)(?-u:\b)"#,
    r#"(?-u:\b)(?:speaks|signs) [a-z]+ as (?:her|his|their) first language(?-u:\b)"#,
];
