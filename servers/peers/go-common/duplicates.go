package peer

import (
	"bytes"
	"encoding/json"
)

// jsonFrame is one open object or array while walking a document's tokens.
type jsonFrame struct {
	names     map[string]struct{} // member names seen; nil for an array
	expectKey bool                // in an object, the next string is a name
}

// hasDuplicateMember reports whether any object in the (valid) JSON document
// names a member twice. encoding/json has no option for this, so it walks
// the token stream with one set of names per open object.
func hasDuplicateMember(doc []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber() // numbers stay text: no float parsing just to skip them
	var stack []jsonFrame
	for {
		tok, err := dec.Token()
		if err != nil {
			return false // io.EOF: the document ended without a repeat
		}
		top := len(stack) - 1
		if delim, ok := tok.(json.Delim); ok {
			switch delim {
			case '{':
				stack = append(stack, jsonFrame{names: map[string]struct{}{}, expectKey: true})
			case '[':
				stack = append(stack, jsonFrame{})
			default: // '}' or ']'
				stack = stack[:top]
				valueDone(stack)
			}
			continue
		}
		if top >= 0 && stack[top].names != nil && stack[top].expectKey {
			name := tok.(string)
			if _, seen := stack[top].names[name]; seen {
				return true
			}
			stack[top].names[name] = struct{}{}
			stack[top].expectKey = false
			continue
		}
		valueDone(stack)
	}
}

// valueDone notes that a value ended: in an object, a name comes next.
func valueDone(stack []jsonFrame) {
	if top := len(stack) - 1; top >= 0 && stack[top].names != nil {
		stack[top].expectKey = true
	}
}
