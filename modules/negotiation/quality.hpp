#pragma once
// The quality of one variant in each dimension of negotiation (httpd's
// set_accept_quality, set_language_quality, set_charset_quality,
// set_encoding_quality), with the fiddles httpd applies for browsers'
// headers unless the client asked for literal treatment (Negotiate).

#include <optional>
#include <string>

#include "modules/negotiation/variant.hpp"

namespace feather::mod::negotiation {

void set_accept_quality(const NegotiationInput& in, Variant& v);
// `default_lang_quality`: what a variant without a language gets (low when
// others have one).
void set_language_quality(const NegotiationInput& in, Variant& v, float default_lang_quality);
void set_charset_quality(const NegotiationInput& in, Variant& v);
void set_encoding_quality(const NegotiationInput& in, Variant& v);

// No encoding, or one of the identity tokens 7bit, 8bit, binary.
bool is_identity_encoding(const std::optional<std::string>& enc);

}  // namespace feather::mod::negotiation
