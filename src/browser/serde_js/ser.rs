//! Rust → JS value, through serde's data model, in the shape `JSON.parse` would give.

use super::ShapeError;
use js_sys::{Array, Object, Reflect};
use serde::ser::{self, Serialize};
use wasm_bindgen::JsValue;

/// Converts `value` into a plain JS value: structs and maps become objects, sequences arrays,
/// `None` and unit `null`, integers numbers.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, ShapeError> {
    value.serialize(Serializer)
}

/// Serializes one value.
struct Serializer;

/// An array being filled.
struct SeqOut(Array);

/// An object being filled; `key` holds a map key until its value arrives.
struct ObjectOut {
    object: Object,
    key: JsValue,
}

impl ObjectOut {
    fn new() -> ObjectOut {
        ObjectOut {
            object: Object::new(),
            key: JsValue::UNDEFINED,
        }
    }

    fn set(&self, key: &JsValue, value: JsValue) -> Result<(), ShapeError> {
        Reflect::set(&self.object, key, &value)
            .map(drop)
            .map_err(|_| ShapeError)
    }
}

impl ser::Serializer for Serializer {
    type Ok = JsValue;
    type Error = ShapeError;
    type SerializeSeq = SeqOut;
    type SerializeTuple = SeqOut;
    type SerializeTupleStruct = SeqOut;
    type SerializeTupleVariant = ser::Impossible<JsValue, ShapeError>;
    type SerializeMap = ObjectOut;
    type SerializeStruct = ObjectOut;
    type SerializeStructVariant = ser::Impossible<JsValue, ShapeError>;

    fn serialize_bool(self, v: bool) -> Result<JsValue, ShapeError> {
        Ok(JsValue::from_bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<JsValue, ShapeError> {
        Ok(JsValue::from_f64(f64::from(v)))
    }
    fn serialize_i16(self, v: i16) -> Result<JsValue, ShapeError> {
        Ok(JsValue::from_f64(f64::from(v)))
    }
    fn serialize_i32(self, v: i32) -> Result<JsValue, ShapeError> {
        Ok(JsValue::from_f64(f64::from(v)))
    }
    fn serialize_i64(self, v: i64) -> Result<JsValue, ShapeError> {
        Ok(JsValue::from_f64(v as f64))
    }
    fn serialize_u8(self, v: u8) -> Result<JsValue, ShapeError> {
        Ok(JsValue::from_f64(f64::from(v)))
    }
    fn serialize_u16(self, v: u16) -> Result<JsValue, ShapeError> {
        Ok(JsValue::from_f64(f64::from(v)))
    }
    fn serialize_u32(self, v: u32) -> Result<JsValue, ShapeError> {
        Ok(JsValue::from_f64(f64::from(v)))
    }
    fn serialize_u64(self, v: u64) -> Result<JsValue, ShapeError> {
        Ok(JsValue::from_f64(v as f64))
    }
    fn serialize_f32(self, v: f32) -> Result<JsValue, ShapeError> {
        Ok(JsValue::from_f64(f64::from(v)))
    }
    fn serialize_f64(self, v: f64) -> Result<JsValue, ShapeError> {
        Ok(JsValue::from_f64(v))
    }
    fn serialize_char(self, v: char) -> Result<JsValue, ShapeError> {
        let mut buf = [0u8; 4];
        Ok(JsValue::from_str(v.encode_utf8(&mut buf)))
    }
    fn serialize_str(self, v: &str) -> Result<JsValue, ShapeError> {
        Ok(JsValue::from_str(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<JsValue, ShapeError> {
        Ok(v.iter()
            .map(|b| JsValue::from_f64(f64::from(*b)))
            .collect::<Array>()
            .into())
    }
    fn serialize_none(self) -> Result<JsValue, ShapeError> {
        Ok(JsValue::NULL)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<JsValue, ShapeError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<JsValue, ShapeError> {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<JsValue, ShapeError> {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<JsValue, ShapeError> {
        Ok(JsValue::from_str(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<JsValue, ShapeError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<JsValue, ShapeError> {
        Err(ShapeError)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<SeqOut, ShapeError> {
        Ok(SeqOut(Array::new()))
    }
    fn serialize_tuple(self, _len: usize) -> Result<SeqOut, ShapeError> {
        Ok(SeqOut(Array::new()))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<SeqOut, ShapeError> {
        Ok(SeqOut(Array::new()))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, ShapeError> {
        Err(ShapeError)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<ObjectOut, ShapeError> {
        Ok(ObjectOut::new())
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<ObjectOut, ShapeError> {
        Ok(ObjectOut::new())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, ShapeError> {
        Err(ShapeError)
    }
}

impl SeqOut {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ShapeError> {
        self.0.push(&value.serialize(Serializer)?);
        Ok(())
    }
}

impl ser::SerializeSeq for SeqOut {
    type Ok = JsValue;
    type Error = ShapeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ShapeError> {
        self.push(value)
    }
    fn end(self) -> Result<JsValue, ShapeError> {
        Ok(self.0.into())
    }
}

impl ser::SerializeTuple for SeqOut {
    type Ok = JsValue;
    type Error = ShapeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ShapeError> {
        self.push(value)
    }
    fn end(self) -> Result<JsValue, ShapeError> {
        Ok(self.0.into())
    }
}

impl ser::SerializeTupleStruct for SeqOut {
    type Ok = JsValue;
    type Error = ShapeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ShapeError> {
        self.push(value)
    }
    fn end(self) -> Result<JsValue, ShapeError> {
        Ok(self.0.into())
    }
}

impl ser::SerializeMap for ObjectOut {
    type Ok = JsValue;
    type Error = ShapeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), ShapeError> {
        let key = key.serialize(Serializer)?;
        // JSON object keys are strings; numbers are written as their text like JSON does.
        if key.as_string().is_none() && key.as_f64().is_none() {
            return Err(ShapeError);
        }
        self.key = key;
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ShapeError> {
        let key = std::mem::replace(&mut self.key, JsValue::UNDEFINED);
        self.set(&key, value.serialize(Serializer)?)
    }
    fn end(self) -> Result<JsValue, ShapeError> {
        Ok(self.object.into())
    }
}

impl ser::SerializeStruct for ObjectOut {
    type Ok = JsValue;
    type Error = ShapeError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), ShapeError> {
        self.set(&JsValue::from_str(key), value.serialize(Serializer)?)
    }
    fn end(self) -> Result<JsValue, ShapeError> {
        Ok(self.object.into())
    }
}
