//! One question on its page: radios, checkboxes or the GOV.UK date input, with the question
//! as the heading inside the legend, a short hint, "Help with this question" folded away when
//! the ruleset has more to say, the error message and Continue.

use crate::join::join;
use yew::prelude::*;

use super::parts::{back_link, body, error_summary, heading};
use super::Levels;
use crate::model::{InterfaceTexts, Kind, Question, Role, Ui};
use crate::ui::browser;
use crate::ui::journey::{field_id, input_id, Action, DatePart, Draft, FieldError, Journey};

/// What the question screen needs from the app.
pub(crate) struct QuestionProps<'a> {
    pub journey: &'a Journey,
    pub levels: Levels,
    pub heading: NodeRef,
    pub summary: NodeRef,
    pub dispatch: Callback<Action>,
}

/// The question screen. A plain function, not a component: each component costs the widget its own
/// copy of Yew's lifecycle code, and the app redraws the screen on every move anyway.
pub(crate) fn question_screen(props: &QuestionProps<'_>) -> Html {
    let journey = &props.journey;
    let Some(question) = journey.question() else {
        return html! {};
    };
    let role = journey.role();
    let texts = &journey.rules.interface_texts;
    let error = journey.errors.first();
    let hint_id = field_id(&question.id, "hint");
    let error_id = field_id(&question.id, "error");
    let described: Vec<String> = [
        question.hint.as_ref().map(|_| hint_id.clone()),
        error.map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let dispatch = props.dispatch.clone();
    let onsubmit = Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        dispatch.emit(Action::Continue)
    });
    let back = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::Back))
    };
    let inputs = match question.kind {
        Kind::One => choices(journey, question, role, &props.dispatch, false),
        Kind::Many => choices(journey, question, role, &props.dispatch, true),
        Kind::Date => date_input(
            question,
            (role, texts),
            &journey.draft,
            error,
            &props.dispatch,
        ),
    };
    html! {
        <div class="srf-screen">
            { back_link(back, texts) }
            { error_summary(&journey.errors, &props.summary, props.levels, texts) }
            <form class="srf-form" novalidate=true {onsubmit}>
                <div class={classes!("srf-form-group", error.map(|_| "srf-form-group--error"))}>
                    <fieldset class="srf-fieldset" aria-describedby={(!described.is_empty()).then(|| join(&described, " "))}>
                        <legend class="srf-fieldset__legend">
                            { heading(props.levels, 0, "srf-heading-l srf-fieldset__heading", Some(props.heading.clone()), html! { {question.text.for_role(role)} }) }
                        </legend>
                        if let Some(hint) = &question.hint {
                            <div id={hint_id.clone()} class="srf-hint">{hint.for_role(role)}</div>
                        }
                        if let Some(help) = &question.help {
                            <details class="srf-details srf-help">
                                <summary class="srf-details__summary">{texts.get(Ui::HelpQuestion)}</summary>
                                <div class="srf-details__text">{ body(help.for_role(role)) }</div>
                            </details>
                        }
                        if let Some(e) = error {
                            <p id={error_id.clone()} class="srf-error-message">
                                <span class="srf-visually-hidden">{texts.get(Ui::ErrorPrefix)}{" "}</span>{&e.message}
                            </p>
                        }
                        {inputs}
                    </fieldset>
                </div>
                <button type="submit" class="srf-button">{texts.get(Ui::Continue)}</button>
            </form>
        </div>
    }
}

/// Radios (one) or checkboxes (many), with "or" before an exclusive choice: only the choices
/// offered after the earlier answers.
fn choices(
    journey: &Journey,
    question: &Question,
    role: Role,
    dispatch: &Callback<Action>,
    many: bool,
) -> Html {
    let chosen = |v: &str| match &journey.draft {
        Draft::One(Some(c)) => c == v,
        Draft::Many(cs) => cs.iter().any(|c| c == v),
        _ => false,
    };
    let class = if many { "srf-checkboxes" } else { "srf-radios" };
    let or = journey.rules.interface_texts.get(Ui::Or);
    html! {
        <div class={class}>
            { for journey.offered(question).into_iter().map(|o| {
                let id = input_id(&question.id, Some(&o.value));
                let hint_id = format!("{id}-hint");
                let value = o.value.clone();
                let dispatch = dispatch.clone();
                let onchange = Callback::from(move |_: Event| {
                    dispatch.emit(if many { Action::Toggle(value.clone()) } else { Action::Choose(value.clone()) })
                });
                html! {
                    <>
                        if o.exclusive {
                            <div class="srf-checkboxes__divider">{or}</div>
                        }
                        <div class="srf-choice">
                            <input class="srf-choice__input" id={id.clone()} name={question.id.clone()}
                                type={if many { "checkbox" } else { "radio" }} value={o.value.clone()}
                                checked={chosen(&o.value)} {onchange}
                                aria-describedby={o.hint.as_ref().map(|_| hint_id.clone())} />
                            <label class="srf-choice__label" for={id}>{o.label.for_role(role)}</label>
                            if let Some(h) = &o.hint {
                                <div id={hint_id} class="srf-hint srf-choice__hint">{h.for_role(role)}</div>
                            }
                        </div>
                    </>
                }
            }) }
        </div>
    }
}

/// The GOV.UK date input: day, month and year boxes, then "I do not know".
fn date_input(
    question: &Question,
    (role, texts): (Role, &InterfaceTexts),
    draft: &Draft,
    error: Option<&FieldError>,
    dispatch: &Callback<Action>,
) -> Html {
    let Draft::Date {
        day,
        month,
        year,
        unknown,
    } = draft
    else {
        return html! {};
    };
    let wrong = |p: DatePart| error.is_some_and(|e| e.parts.contains(&p));
    let field = |part: DatePart, name: &str, label: &str, value: &str, width: &'static str| {
        let id = field_id(&question.id, name);
        let dispatch = dispatch.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            if let Some(value) = browser::input_value(&e) {
                dispatch.emit(Action::Type(part, value));
            }
        });
        html! {
            <div class="srf-date-input__item">
                <label class="srf-label srf-date-input__label" for={id.clone()}>{label}</label>
                <input class={classes!("srf-input", width, wrong(part).then_some("srf-input--error"))}
                    id={id} name={format!("{}-{name}", question.id)} type="text" inputmode="numeric"
                    autocomplete="off" spellcheck="false" value={value.to_string()} {oninput} />
            </div>
        }
    };
    let unknown_id = field_id(&question.id, "unknown");
    let on_unknown = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(checked) = browser::input_checked(&e) {
                dispatch.emit(Action::Unknown(checked));
            }
        })
    };
    html! {
        <>
            <div class="srf-date-input">
                { field(DatePart::Day, "day", texts.get(Ui::Day), day, "srf-input--width-2") }
                { field(DatePart::Month, "month", texts.get(Ui::Month), month, "srf-input--width-2") }
                { field(DatePart::Year, "year", texts.get(Ui::Year), year, "srf-input--width-4") }
            </div>
            if let Some(label) = &question.unknown_label {
                <div class="srf-checkboxes srf-date-unknown">
                    <div class="srf-choice">
                        <input class="srf-choice__input" id={unknown_id.clone()} name={format!("{}-unknown", question.id)}
                            type="checkbox" checked={*unknown} onchange={on_unknown} />
                        <label class="srf-choice__label" for={unknown_id}>{label.for_role(role)}</label>
                    </div>
                </div>
            }
        </>
    }
}
