// A listed enum names the product of every variant, or of none.
use freshworks_events_derive::Listed;

pub enum Product {
    Acme,
}

#[derive(Listed)]
pub enum EventKind {
    #[fw(product = Product::Acme)]
    AcmeOnThing,
    AcmeOnOther,
    WithValue = 5,
}

fn main() {}
