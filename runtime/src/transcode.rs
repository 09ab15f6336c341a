//! Any self-describing serde format to JSON text, in one pass and in the order the input
//! gives: how the models' `Deserialize` reaches the same reader as `from_slice`, keeping
//! attribute order and repeated keys (which `serde_json::Value` would sort or merge).

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, Error, MapAccess, SeqAccess, Visitor};

use super::field::Field;
use super::reader::Reader;
use super::wire::Wire;

/// serde's `Deserialize` for the models: the value, in any self-describing format, is
/// written as JSON text in the order given and read by the same reader as
/// [`from_slice`](crate::from_slice). The fast, exact path is `from_slice` on the bytes.
pub fn deserialize<'de, De: serde::Deserializer<'de>, T: Wire>(d: De) -> Result<T, De::Error> {
    deserialize_with(d, |bytes| match Reader::new(bytes).document::<T>().map_err(|e| e.to_string())? {
        Field::Value(v) => Ok(v),
        Field::Invalid(raw) => Err(format!("expected {}, found {}", T::EXPECTED, raw.describe())),
        Field::Null | Field::Absent => Err(format!("expected {}, found null", T::EXPECTED)),
    })
    .map_err(De::Error::custom)
}

/// Writes the value a deserializer holds as JSON text and hands it to `read`.
pub fn deserialize_with<'de, De, T, E>(d: De, read: impl FnOnce(&[u8]) -> Result<T, E>) -> Result<T, De::Error>
where
    De: serde::Deserializer<'de>,
    E: std::fmt::Display,
{
    let mut bytes = Vec::new();
    JsonText(&mut bytes).deserialize(d)?;
    read(&bytes).map_err(De::Error::custom)
}

/// Writes the next value of a deserializer as JSON text into its buffer.
pub struct JsonText<'b>(pub &'b mut Vec<u8>);

impl<'de> DeserializeSeed<'de> for JsonText<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl JsonText<'_> {
    fn scalar<T: serde::Serialize + ?Sized, E: Error>(self, v: &T) -> Result<(), E> {
        serde_json::to_writer(&mut *self.0, v).map_err(E::custom)
    }
}

impl<'de> Visitor<'de> for JsonText<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: Error>(self, v: bool) -> Result<(), E> {
        self.scalar(&v)
    }
    fn visit_i64<E: Error>(self, v: i64) -> Result<(), E> {
        self.scalar(&v)
    }
    fn visit_u64<E: Error>(self, v: u64) -> Result<(), E> {
        self.scalar(&v)
    }
    fn visit_i128<E: Error>(self, v: i128) -> Result<(), E> {
        self.scalar(&v)
    }
    fn visit_u128<E: Error>(self, v: u128) -> Result<(), E> {
        self.scalar(&v)
    }
    fn visit_f64<E: Error>(self, v: f64) -> Result<(), E> {
        if v.is_finite() {
            self.scalar(&v)
        } else {
            Err(E::custom(format!("{v} is not a JSON number")))
        }
    }
    fn visit_str<E: Error>(self, v: &str) -> Result<(), E> {
        self.scalar(v)
    }
    fn visit_unit<E: Error>(self) -> Result<(), E> {
        self.0.extend_from_slice(b"null");
        Ok(())
    }
    fn visit_none<E: Error>(self) -> Result<(), E> {
        self.visit_unit()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.0.push(b'[');
        let mut first = true;
        loop {
            let at = self.0.len();
            if !first {
                self.0.push(b',');
            }
            if seq.next_element_seed(JsonText(&mut *self.0))?.is_none() {
                self.0.truncate(at);
                break;
            }
            first = false;
        }
        self.0.push(b']');
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.0.push(b'{');
        let mut first = true;
        while let Some(key) = map.next_key::<String>()? {
            if !first {
                self.0.push(b',');
            }
            first = false;
            serde_json::to_writer(&mut *self.0, &key).map_err(A::Error::custom)?;
            self.0.push(b':');
            map.next_value_seed(JsonText(&mut *self.0))?;
        }
        self.0.push(b'}');
        Ok(())
    }
}
