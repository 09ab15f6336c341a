// The input of the enum snapshot (`enum.expanded.rs`): an open enum of strings whose page
// documents values beyond its list.
#[derive(Debug, Clone, PartialEq, Eq, Hash, rt::Enum)]
#[fw(open, documented)]
pub enum Status {
    /// `"online"`
    #[fw("online")]
    Online,

    #[fw("away")]
    Away,

    Other(rt::Text),
}
