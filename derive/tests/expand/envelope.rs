// The input of the envelope snapshot (`envelope.expanded.rs`): a payload, generic over its
// data, with the common attributes the event layer reads.
#[derive(Debug, Clone, PartialEq, Default, rt::Object)]
#[fw(payload)]
pub struct Envelope<D> {
    #[fw(strict = "required", lenient = "required", id = "string", fake = "account")]
    pub account_id: rt::Field<rt::Id>,

    #[fw(strict = "required", lenient = "required")]
    pub event: rt::Field<rt::Text>,

    #[fw(strict = "required", lenient = "required", forms = "epoch_millis")]
    pub timestamp: rt::Field<rt::Timestamp>,

    #[fw(strict = "required", lenient = "required", editor = data_with)]
    pub data: rt::Field<D>,

    pub unknown_fields: rt::UnknownFields,
}
