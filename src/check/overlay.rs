//! Checks on a council overlay, against the national ruleset it lies over.

use super::rules::{check_route, duplicates};
use super::spelling::did_you_mean;
use super::Reporter;
use crate::join::join;
use crate::model::{add_texts, lay_over, Overlay, Ruleset};
use crate::read::JsonPath;

/// Check an overlay and return the merged ruleset (with anything refused left out). Takes the
/// overlay and the national ruleset to merge, so that the widget never copies a route or a
/// whole ruleset.
pub(crate) fn check_overlay(
    mut overlay: Overlay,
    national: Ruleset,
    report: &mut Reporter,
) -> Ruleset {
    let root = JsonPath::root();
    for (i, id) in overlay.remove_routes.iter().enumerate() {
        let what = if national.route(id).is_some() {
            "the national route"
        } else {
            "the route"
        };
        report.error(
            &root.key("remove_routes").index(i),
            format!(
                "an overlay cannot remove {what} \"{id}\": every family must see every route the law gives them. \
                 To say something local about it, add a note under \"texts\" instead"
            ),
        );
    }
    duplicates(
        overlay.routes.iter().map(|r| r.id.as_str()),
        &root.key("routes"),
        "route",
        report,
    );
    duplicates(
        overlay.contacts.iter().map(|c| c.id.as_str()),
        &root.key("contacts"),
        "contact",
        report,
    );
    for (i, route) in overlay.routes.iter().enumerate() {
        let at = root.key("routes").index(i).key("id");
        if national.route(&route.id).is_some() {
            report.error(
                &at,
                format!(
                    "\"{}\" is a national route: an overlay cannot replace it. Give the council's own route an id \
                     that starts with \"local:\", or change local words under \"texts\"",
                    route.id
                ),
            );
        } else if !route.id.starts_with("local:") {
            report.error(&at, format!("a council's own route needs an id that starts with \"local:\", such as \"local:{}\"", route.id));
        }
    }
    for id in overlay.texts.keys() {
        if national.route(id).is_none() && !overlay.routes.iter().any(|r| &r.id == id) {
            report.error_at_key(
                &root.key("texts").key(id),
                format!(
                    "there is no route \"{id}\" to add local texts to{}",
                    did_you_mean(
                        id,
                        national
                            .routes
                            .iter()
                            .map(|r| r.id.as_str())
                            .chain(overlay.routes.iter().map(|r| r.id.as_str()))
                    )
                ),
            );
        }
    }
    // The national contacts, for the checks on the overlay's contacts after the merge.
    let national_contacts = national.contacts.clone();
    // The contacts and routes first: the routes are checked as the overlay has them, before
    // any local texts are added to them.
    let routes = std::mem::take(&mut overlay.routes);
    let mut laid = lay_over(national, &overlay, routes);
    // Local texts add nothing to the contacts.
    for (id, texts) in &overlay.texts {
        for (j, contact) in texts.extra_contacts.iter().enumerate() {
            if laid.merged.contact(contact).is_none() {
                report.error(
                    &root.key("texts").key(id).key("extra_contacts").index(j),
                    format!(
                        "there is no contact \"{contact}\": add it to \"contacts\" first{}",
                        did_you_mean(contact, laid.merged.contacts.iter().map(|c| c.id.as_str()))
                    ),
                );
            }
        }
    }
    for (i, placed) in laid.routes.iter().enumerate() {
        let route = match placed {
            Ok(k) => laid.merged.routes.get(*k),
            Err(route) => Some(route),
        };
        if let Some(route) = route {
            check_route(&laid.merged, route, &root.key("routes").index(i), report);
        }
    }
    add_texts(&mut laid.merged, &overlay, &mut laid.problems);
    let merged = laid.merged;
    for (i, contact) in overlay.contacts.iter().enumerate() {
        if national_contacts
            .iter()
            .find(|c| c.id == contact.id)
            .is_some_and(|c| !c.local)
        {
            report.error(
                &root.key("contacts").index(i).key("id"),
                format!(
                    "\"{}\" is a national contact, which an overlay cannot change; an overlay fills in only the local ones ({}). Give the council's own contact a new id",
                    contact.id,
                    join(&national_contacts.iter().filter(|c| c.local).map(|c| format!("\"{}\"", c.id)).collect::<Vec<_>>(), ", ")
                ),
            );
        }
        let used = merged
            .routes
            .iter()
            .any(|r| r.contacts.contains(&contact.id))
            || merged.help.contains(&contact.id);
        if !used {
            report.warning(
                &root.key("contacts").index(i).key("id"),
                format!(
                    "no route uses the contact \"{}\", so families will not see it",
                    contact.id
                ),
            );
        }
        if contact.phone.is_none()
            && contact.email.is_none()
            && contact.web.is_none()
            && contact.address.is_none()
            && contact.not_known.is_none()
        {
            report.error(
                &root.key("contacts").index(i),
                format!("the contact \"{}\" has no phone, email, web page or address; if none is known, say so in \"not_known\"", contact.id),
            );
        }
    }
    for placeholder in national_contacts.iter().filter(|c| c.local) {
        if !overlay.contacts.iter().any(|c| c.id == placeholder.id) {
            report.warning(
                &root.key("contacts"),
                format!(
                    "the overlay does not fill in the local contact \"{}\" ({}); families will see the national words instead",
                    placeholder.id, placeholder.name
                ),
            );
        }
    }
    merged
}
