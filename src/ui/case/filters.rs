//! The case list's filters, shared by the case list and search: read from the query string,
//! written back into links, and shown as a GET form (filtering changes nothing).

use leptos::prelude::*;
use leptos_router::params::ParamsMap;

use crate::domain::case::{AgeBand, ConcernTag, Modality, Setting};
use crate::model::CaseFilter;
use crate::ui::time::{format_day, parse_day};

/// The filter a query string asks for; a value that is not one of the choices is no filter.
/// `mine` is set by the "My cases" page whatever the query says.
pub fn filter_from_query(q: &ParamsMap, mine: bool) -> CaseFilter {
    let flag = |k: &str| q.get(k).is_some_and(|v| v == "1");
    CaseFilter {
        modality: q.get("modality").and_then(|v| Modality::parse(&v).ok()),
        setting: q.get("setting").and_then(|v| Setting::parse(&v).ok()),
        age_band: q.get("age_band").and_then(|v| AgeBand::parse(&v).ok()),
        unanswered: flag("unanswered"),
        mine: mine || flag("mine"),
        supervisor_feedback: flag("feedback"),
        tag: q.get("tag").and_then(|v| ConcernTag::parse(&v).ok()),
        since: q.get("since").and_then(|v| parse_day(&v)),
        // The last day asked for counts whole.
        until: q
            .get("until")
            .and_then(|v| parse_day(&v))
            .map(|d| d + 86_400),
        group: q
            .get("group")
            .and_then(|v| v.parse().ok())
            .map(crate::model::GroupId),
    }
}

/// The filter as query-string pairs, for links to other pages of the same list (`mine` left
/// out on "My cases", where the path says it).
pub fn filter_params(filter: &CaseFilter, mine_page: bool) -> Vec<(&'static str, String)> {
    let mut p: Vec<(&'static str, String)> = Vec::new();
    if let Some(m) = filter.modality {
        p.push(("modality", m.key().into()));
    }
    if let Some(s) = filter.setting {
        p.push(("setting", s.key().into()));
    }
    if let Some(a) = filter.age_band {
        p.push(("age_band", a.key().into()));
    }
    if let Some(t) = filter.tag {
        p.push(("tag", t.key().into()));
    }
    if filter.unanswered {
        p.push(("unanswered", "1".into()));
    }
    if filter.mine && !mine_page {
        p.push(("mine", "1".into()));
    }
    if filter.supervisor_feedback {
        p.push(("feedback", "1".into()));
    }
    if let Some(s) = filter.since {
        p.push(("since", format_day(s)));
    }
    if let Some(u) = filter.until {
        p.push(("until", format_day(u - 86_400)));
    }
    if let Some(g) = filter.group {
        p.push(("group", g.0.to_string()));
    }
    p
}

/// The filters' fields, for a form that holds them (the case list's, or search's under its
/// query box).
#[component]
pub fn FilterFields(filter: CaseFilter, mine_page: bool) -> impl IntoView {
    fn options<T: Copy + PartialEq>(
        all: &[T],
        chosen: Option<T>,
        key: fn(T) -> &'static str,
        label: fn(T) -> &'static str,
    ) -> impl IntoView {
        all.iter().map(|c| view! { <option value=key(*c) selected=chosen == Some(*c)>{label(*c)}</option> }).collect_view()
    }
    let since = filter.since.map(format_day).unwrap_or_default();
    let until = filter
        .until
        .map(|u| format_day(u - 86_400))
        .unwrap_or_default();
    view! {
        <label>"Concern"<select name="tag"><option value="">"Any"</option>{options(ConcernTag::ALL, filter.tag, ConcernTag::key, ConcernTag::label)}</select></label>
        <label>"Modality"<select name="modality"><option value="">"Any"</option>{options(Modality::ALL, filter.modality, Modality::key, Modality::label)}</select></label>
        <label>"Setting"<select name="setting"><option value="">"Any"</option>{options(Setting::ALL, filter.setting, Setting::key, Setting::label)}</select></label>
        <label>"Age band"<select name="age_band"><option value="">"Any"</option>{options(AgeBand::ALL, filter.age_band, AgeBand::key, AgeBand::label)}</select></label>
        <label>"Brought from"<input type="date" name="since" value=since/></label>
        <label>"to"<input type="date" name="until" value=until/></label>
        <label class="check"><input type="checkbox" name="unanswered" value="1" checked=filter.unanswered/>"Unanswered"</label>
        <label class="check"><input type="checkbox" name="feedback" value="1" checked=filter.supervisor_feedback/>"Has supervisor feedback"</label>
        {(!mine_page).then(|| view! { <label class="check"><input type="checkbox" name="mine" value="1" checked=filter.mine/>"Mine"</label> })}
        {filter.group.map(|g| view! { <input type="hidden" name="group" value=g.0.to_string()/> })}
    }
}

/// A link's query string from pairs, each value percent-encoded.
pub fn query_string(pairs: &[(&str, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", crate::ui::html::url_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}
