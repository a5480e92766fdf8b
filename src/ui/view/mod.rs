//! The Yew components: the app and one module per screen or part, following GOV.UK Frontend
//! (one question a page, error summary, back link, summary list).
//!
//! Markup only: what the screens ask of the browser itself (storage, downloads, the
//! clipboard, focus, what was typed) is in `ui::browser`.

mod parts;
mod question;
mod results;
mod start;

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::journey::{Action, Focus, Journey, Screen};
use crate::dates::Date;
use crate::engine::Answers;
use crate::model::{Ruleset, Ui};

/// What the widget tells the page around it (never an answer's content).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum WidgetEvent {
    /// Start was pressed.
    Start,
    /// A question is on screen: its id.
    Step(String),
    /// The results are on screen: the route ids.
    Results(Vec<String>),
}

/// The app's properties, set by the embedding.
#[derive(Properties, Clone)]
pub(crate) struct AppProps {
    pub rules: Rc<Ruleset>,
    #[prop_or_default]
    pub council: Option<AttrValue>,
    pub today: Date,
    /// The level of the first heading, 1 to 6 (default 2).
    #[prop_or(2)]
    pub heading_level: u8,
    /// Start was already pressed on the script's start screen, before the app arrived: open
    /// at the first question.
    #[prop_or_default]
    pub begun: bool,
    /// Answers kept earlier, on this device or in a link, to open with.
    #[prop_or_default]
    pub restore: Option<Answers>,
    /// Whether `restore` came from this device's storage (the person chose to save them).
    #[prop_or_default]
    pub saved: bool,
    /// Where this widget keeps answers on the device, and its name in a link's fragment
    /// (both from the page's script, different for each widget on a page).
    #[prop_or_default]
    pub keep: Keep,
    #[prop_or_default]
    pub on_event: Callback<WidgetEvent>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.rules, &other.rules)
            && self.council == other.council
            && self.today == other.today
            && self.heading_level == other.heading_level
            && self.begun == other.begun
            && self.restore == other.restore
            && self.saved == other.saved
            && self.keep == other.keep
            && self.on_event == other.on_event
    }
}

/// The journey as Yew state.
#[derive(Clone)]
struct State(Journey);

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = self.0.clone();
        next.apply(action);
        Rc::new(State(next))
    }
}

/// Where a widget keeps answers: its key in the device's storage and its name in a link's
/// fragment (`#<link>=<answers>`).
#[derive(Clone, PartialEq, Default)]
pub(crate) struct Keep {
    pub store: Rc<str>,
    pub link: Rc<str>,
}

/// Heading levels for this embedding: the page heading, and the two below it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Levels(pub u8);

impl Levels {
    pub(crate) fn tag(self, below: u8) -> String {
        format!("h{}", (self.0 + below).clamp(1, 6))
    }
}

/// The widget.
#[component]
pub(crate) fn App(props: &AppProps) -> Html {
    let state = {
        let rules = props.rules.clone();
        let council = props.council.as_ref().map(|c| c.to_string());
        let today = props.today;
        let begun = props.begun;
        let restore = props.restore.clone();
        let saved = props.saved;
        use_reducer(move || {
            let mut journey = Journey::new(rules, council, today);
            if let Some(answers) = restore {
                journey.apply(Action::Restore(answers));
                journey.apply(Action::Saved(saved));
            } else if begun {
                journey.apply(Action::Start);
            }
            State(journey)
        })
    };
    let heading = use_node_ref();
    let summary = use_node_ref();
    let dispatch = {
        let state = state.clone();
        let store = props.keep.store.clone();
        Callback::from(move |a: Action| {
            // Start again forgets the copy saved on this device too.
            if matches!(a, Action::StartAgain) {
                browser::forget(&store);
            }
            state.dispatch(a)
        })
    };
    let journey = &state.0;
    // The results, worked out once when the journey reached them: the screen and the event to
    // the page both use them.
    let report = journey.results.clone();
    // After each move: focus the new heading, or the error summary; tell the page.
    {
        let heading = heading.clone();
        let summary = summary.clone();
        let on_event = props.on_event.clone();
        let event = match &journey.screen {
            Screen::Start => None,
            Screen::Question(id) => Some(WidgetEvent::Step(id.clone())),
            Screen::Results => report
                .as_ref()
                .map(|r| WidgetEvent::Results(r.routes.iter().map(|x| x.id.clone()).collect())),
        };
        let focus = journey.focus;
        let erred = !journey.errors.is_empty();
        use_effect_with(journey.moves, move |moves| {
            if *moves > 0 {
                let target = if focus == Focus::Errors && erred {
                    &summary
                } else {
                    &heading
                };
                browser::focus(target);
                if focus == Focus::Heading {
                    if let Some(e) = event {
                        on_event.emit(e);
                    }
                }
            }
        });
    }
    let levels = Levels(props.heading_level);
    let texts = &journey.rules.interface_texts;
    let announce = match (&journey.screen, journey.errors.is_empty()) {
        (_, false) if journey.moves > 0 => texts.get(Ui::AnnounceProblem).to_string(),
        (Screen::Question(_), _) => journey
            .question()
            .map(|q| {
                texts.fill(
                    Ui::AnnounceQuestion,
                    &[("question", q.text.for_role(journey.role()))],
                )
            })
            .unwrap_or_default(),
        (Screen::Results, _) => texts.get(Ui::AnnounceResults).to_string(),
        (Screen::Start, _) if journey.moves > 0 => texts.get(Ui::AnnounceStart).to_string(),
        (Screen::Start, _) => String::new(),
    };
    let on_start = {
        let dispatch = dispatch.clone();
        let on_event = props.on_event.clone();
        Callback::from(move |_| {
            on_event.emit(WidgetEvent::Start);
            dispatch.emit(Action::Start)
        })
    };
    let body = match &journey.screen {
        Screen::Start => start::start_screen(&start::StartProps {
            rules: &props.rules,
            levels,
            heading: heading.clone(),
            on_start,
        }),
        Screen::Question(_) => question::question_screen(&question::QuestionProps {
            journey,
            levels,
            heading: heading.clone(),
            summary: summary.clone(),
            dispatch: dispatch.clone(),
        }),
        Screen::Results => results::results_screen(&results::ResultsProps {
            journey,
            report: report.clone(),
            levels,
            heading: heading.clone(),
            dispatch: dispatch.clone(),
            keep: props.keep.clone(),
        }),
    };
    // Every change of screen (and every failed Continue, and saving on the device) draws the
    // screen afresh under a new key, rather than patching its text. A browser's page
    // translation swaps each text node for <font> elements holding the translation; a patch
    // would change the old text nodes, which are no longer in the page, and the family would
    // read the last screen's question over this screen's answers. Within one key no text
    // changes: choosing, ticking and typing change only inputs.
    let view = format!("{}-{}", journey.moves, u8::from(journey.saved));
    html! {
        <div class="srf">
            <div class="srf-view" key={view.clone()}>{body}</div>
            <div class="srf-visually-hidden" aria-live="polite" aria-atomic="true">
                <span key={view}>{announce}</span>
            </div>
        </div>
    }
}
