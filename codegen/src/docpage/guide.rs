//! The spec as a guide and as the thing to compare with.

use crate::ir::{Event, Field, Ir, Ty, TypeId, TypeKind};

/// An object type of the spec, as a flat page's guide sees it.
pub type GuideNode = TypeId;

/// The spec's attribute tree of one event, for nesting flat pages.
pub struct Guide<'a> {
    ir: &'a Ir,
    data: TypeId,
}

impl<'a> Guide<'a> {
    pub fn new(ir: &'a Ir, event: &Event) -> Self {
        Guide { ir, data: event.data }
    }

    fn fields(&self, node: Option<&Option<GuideNode>>) -> &'a [Field] {
        match node {
            None => self.ir.fields(self.data),
            Some(Some(id)) => self.ir.fields(*id),
            Some(None) => &[],
        }
    }

    /// The object type a page attribute opens, if the spec knows it.
    pub(super) fn child(&self, parent: Option<&Option<GuideNode>>, name: &str) -> Option<Option<GuideNode>> {
        let field = find_field(self.fields(parent), name)?;
        Some(object_of(self.ir, &field.ty))
    }

    /// The deepest open object the spec gives an attribute of this name; the current one
    /// when none does (an attribute the spec lacks stays where the page puts it).
    pub(super) fn depth_for<'n, I>(&self, name: &str, open: I) -> usize
    where
        I: DoubleEndedIterator<Item = &'n Option<GuideNode>> + ExactSizeIterator,
    {
        let depth = open.len();
        for (i, node) in open.enumerate().rev() {
            if find_field(self.fields(Some(node)), name).is_some() {
                return i + 1;
            }
        }
        if find_field(self.fields(None), name).is_some() {
            0
        } else {
            depth
        }
    }
}

/// A field by its wire name or the name the page writes.
pub(super) fn find_field<'f>(fields: &'f [Field], name: &str) -> Option<&'f Field> {
    fields.iter().find(|f| f.wire == name).or_else(|| fields.iter().find(|f| f.doc.name.as_deref() == Some(name)))
}

/// The object whose attributes a page lists under an attribute of type `ty`: the object
/// itself, an array's item object, or a map's value object (pages flatten the map level).
pub(super) fn object_of(ir: &Ir, ty: &Ty) -> Option<TypeId> {
    match ty {
        Ty::Named(id) if matches!(ir.ty(*id).kind, TypeKind::Object(_)) => Some(*id),
        Ty::Array(item) | Ty::Map(item) => object_of(ir, item),
        _ => None,
    }
}
