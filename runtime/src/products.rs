//! Products as cargo features: each product of the spec is a feature of the models crate,
//! named by its key and on by default. A payload of a product whose feature is off reads as
//! the unknown event, saying which feature would read it.

use crate::{EnvelopeFields, Error, EventInfo, ProductInfo, UnknownEvent};

impl UnknownEvent {
    /// The unknown event for a payload of `event`, an event of the spec whose product this
    /// build leaves out. Called by the dispatch.
    pub(crate) fn left_out(
        event: &EventInfo,
        products: &[ProductInfo],
        envelope: EnvelopeFields,
        bytes: &[u8],
    ) -> Result<UnknownEvent, Error> {
        let title = products.iter().find(|p| p.key == event.product).map_or(event.product, |p| p.title);
        // The payload is kept whole, exactly as for an event the spec does not cover.
        Ok(UnknownEvent {
            product: Some(event.product.to_string()),
            event: event.name.to_string(),
            reason: format!(
                "{title} event \"{}\" is in the spec, but this build of freshworks-events leaves {title} out; enable its cargo feature \"{}\"",
                event.name, event.product
            ),
            envelope,
            payload: crate::event::whole_text(bytes)?,
        })
    }
}
