// httpd's ap_expr in string mode (server/util_expr_scan.l, util_expr_parse.y):
// the scanner's states str/var/vararg and the few parser states a string
// expression can be in, with the messages bison and the scanner produce.

#include "modules/core/string_expr.hpp"

#include <array>
#include <cctype>
#include <utility>

#include "directives/registry.hpp"

namespace feather::mod::core {

namespace {

using directives::iequals;

// util_expr_eval.c: the variables and string functions of the core lookup.
constexpr std::array kVariables = {
    // misc_var_names
    "TIME_YEAR",
    "TIME_MON",
    "TIME_DAY",
    "TIME_HOUR",
    "TIME_MIN",
    "TIME_SEC",
    "TIME_WDAY",
    "TIME",
    "SERVER_SOFTWARE",
    "API_VERSION",
    // req_header_var_names
    "HTTP_USER_AGENT",
    "HTTP_PROXY_CONNECTION",
    "HTTP_REFERER",
    "HTTP_COOKIE",
    "HTTP_FORWARDED",
    "HTTP_HOST",
    "HTTP_ACCEPT",
    // request_var_names
    "REQUEST_METHOD",
    "REQUEST_SCHEME",
    "REQUEST_URI",
    "REQUEST_FILENAME",
    "REMOTE_HOST",
    "REMOTE_IDENT",
    "REMOTE_USER",
    "SERVER_ADMIN",
    "SERVER_NAME",
    "SERVER_PORT",
    "SERVER_PROTOCOL",
    "SCRIPT_FILENAME",
    "PATH_INFO",
    "QUERY_STRING",
    "IS_SUBREQ",
    "DOCUMENT_ROOT",
    "AUTH_TYPE",
    "THE_REQUEST",
    "CONTENT_TYPE",
    "HANDLER",
    "REQUEST_LOG_ID",
    "SCRIPT_USER",
    "SCRIPT_GROUP",
    "DOCUMENT_URI",
    "LAST_MODIFIED",
    "CONTEXT_PREFIX",
    "CONTEXT_DOCUMENT_ROOT",
    "REQUEST_STATUS",
    "REMOTE_ADDR",
    "REMOTE_PORT",
    // conn_var_names
    "HTTPS",
    "IPV6",
    "CONN_LOG_ID",
    "CONN_REMOTE_ADDR",
    "HTTP2",
};

constexpr std::array kFunctions = {
    "osenv",      "env",      "resp",    "req",    "http",     "note", "reqenv",
    "req_novary", "tolower",  "toupper", "escape", "unescape", "file", "filesize",
    "base64",     "unbase64", "sha1",    "md5",    "ldap",
};

template <std::size_t N>
bool known(const std::array<const char*, N>& names, std::string_view name)
{
    for (const char* n : names) {
        if (iequals(n, name)) {
            return true;
        }
    }
    return false;
}

constexpr std::size_t kMaxStringLen = 8192;  // MAX_STRING_LEN: the scanner's buffer

enum class Tok : std::uint8_t { End, Error, String, Id, VarBegin, VarEnd, Colon, Backref, Jammed };

// Bison's names for the tokens, as its messages print them.
const char* tok_name(Tok t)
{
    switch (t) {
    case Tok::End: return "$end";
    case Tok::Error: return "T_ERROR";
    case Tok::String: return "T_STRING";
    case Tok::Id: return "T_ID";
    case Tok::VarBegin: return "T_VAR_BEGIN";
    case Tok::VarEnd: return "T_VAR_END";
    case Tok::Colon: return "':'";
    case Tok::Backref: return "T_REGEX_BACKREF";
    case Tok::Jammed: break;
    }
    return "T_ERROR";
}

struct Token {
    Tok kind = Tok::End;
    std::string text;  // String, Id; Error: the scanner's message
    int num = 0;       // Backref
};

class Scanner {
public:
    explicit Scanner(std::string_view in) : in_(in) {}

    Token next()
    {
        switch (state()) {
        case State::Str: return scan_text(false);
        case State::VarArg: return scan_text(true);
        case State::Var: return scan_var();
        case State::Done: break;
        }
        return {Tok::End, {}, 0};
    }

private:
    enum class State : std::uint8_t { Str, Var, VarArg, Done };

    State state() const { return stack_.empty() ? base_ : stack_.back(); }
    void set_state(State s)
    {
        if (stack_.empty()) {
            base_ = s;
        } else {
            stack_.back() = s;
        }
    }

    static Token error(std::string msg) { return {Tok::Error, std::move(msg), 0}; }

    Token flush()
    {
        Token t{Tok::String, std::move(buf_), 0};
        buf_.clear();
        return t;
    }

    // STR_APPEND: the buffer holds at most MAX_STRING_LEN - 1 characters.
    bool append(char c)
    {
        buf_.push_back(c);
        return buf_.size() < kMaxStringLen;
    }

    // The backslash rules of str and vararg; `pos_` is at the backslash.
    std::optional<Token> escape()
    {
        std::size_t digits = 0;
        while (pos_ + 1 + digits < in_.size() &&
               std::isdigit(static_cast<unsigned char>(in_[pos_ + 1 + digits]))) {
            ++digits;
        }
        if (digits > 0) {
            std::size_t octal = 0;
            while (octal < digits && octal < 3 && in_[pos_ + 1 + octal] <= '7') {
                ++octal;
            }
            // flex takes the longest match: \[0-9]+ beats \[0-7]{1,3} unless
            // they match the same text.
            if (octal < digits) {
                pos_ += 1 + digits;
                return error("Bad escape sequence");
            }
            int value = 0;
            for (std::size_t i = 0; i < octal; ++i) {
                value = value * 8 + (in_[pos_ + 1 + i] - '0');
            }
            pos_ += 1 + octal;
            if (value > 0xff) {
                return error("Escape sequence out of bound");
            }
            if (!append(static_cast<char>(value))) {
                return error("String too long");
            }
            return std::nullopt;
        }
        if (pos_ + 1 >= in_.size()) {
            // A lone backslash at the end matches no escape rule; the text
            // rules exclude it too, so flex gives up.
            ++pos_;
            return Token{Tok::Jammed, {}, 0};
        }
        char c = in_[pos_ + 1];
        switch (c) {
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        default: break;
        }
        pos_ += 2;
        if (!append(c)) {
            return error("String too long");
        }
        return std::nullopt;
    }

    Token scan_text(bool vararg)
    {
        while (true) {
            if (pos_ >= in_.size()) {
                if (vararg) {
                    return error("Unterminated string or variable");
                }
                // <str><<EOF>> in string mode: what is left (maybe nothing),
                // then the end.
                base_ = State::Done;
                return flush();
            }
            const char c = in_[pos_];
            if (c == '\n') {
                return error("Unterminated string or variable");
            }
            if (c == '\\') {
                if (auto t = escape()) {
                    return *t;
                }
                continue;
            }
            if (c == '$' && pos_ + 1 < in_.size() &&
                std::isdigit(static_cast<unsigned char>(in_[pos_ + 1]))) {
                if (!buf_.empty()) {
                    return flush();
                }
                pos_ += 2;
                return {Tok::Backref, {}, in_[pos_ - 1] - '0'};
            }
            if (c == '%' && pos_ + 1 < in_.size() && in_[pos_ + 1] == '{') {
                if (!buf_.empty()) {
                    return flush();
                }
                pos_ += 2;
                stack_.push_back(State::Var);
                return {Tok::VarBegin, {}, 0};
            }
            if (vararg && c == '}') {
                if (!buf_.empty()) {
                    return flush();
                }
                ++pos_;
                stack_.pop_back();
                return {Tok::VarEnd, {}, 0};
            }
            if (vararg && (c == '"' || c == '\'')) {
                // No vararg rule matches a quote: "flex scanner jammed".
                return {Tok::Jammed, {}, 0};
            }
            ++pos_;
            if (!append(c)) {
                return error("String too long");
            }
        }
    }

    Token scan_var()
    {
        if (pos_ >= in_.size()) {
            return error("Unterminated string or variable");
        }
        const char c = in_[pos_];
        if (std::isalpha(static_cast<unsigned char>(c))) {
            std::size_t end = pos_ + 1;
            while (end < in_.size() &&
                   (std::isalnum(static_cast<unsigned char>(in_[end])) || in_[end] == '_')) {
                ++end;
            }
            Token t{Tok::Id, std::string(in_.substr(pos_, end - pos_)), 0};
            pos_ = end;
            return t;
        }
        ++pos_;
        if (c == '}') {
            stack_.pop_back();
            return {Tok::VarEnd, {}, 0};
        }
        if (c == ':') {
            set_state(State::VarArg);
            return {Tok::Colon, {}, 0};
        }
        return error(std::string("Invalid character in variable name '") + c + "'");
    }

    std::string_view in_;
    std::size_t pos_ = 0;
    std::string buf_;
    State base_ = State::Str;
    std::vector<State> stack_;
};

// Thrown out of the recursive descent when bison would stop.
struct Abort {};

class Parser {
public:
    explicit Parser(std::string_view text) : scan_(text) {}

    std::optional<std::string> run(std::vector<StringExprPart>& parts)
    {
        try {
            advance();
            string(parts, false);
        } catch (const Abort&) {
        }
        if (jammed_) {
            return std::string("flex scanner jammed");
        }
        if (syntax_) {
            return error2_ ? *syntax_ + ": " + *error2_ : *syntax_;
        }
        return error2_;
    }

private:
    void advance()
    {
        tok_ = scan_.next();
        if (tok_.kind == Tok::Error) {
            error2_ = tok_.text;  // PERROR sets error2
        } else if (tok_.kind == Tok::Jammed) {
            jammed_ = true;
            throw Abort{};
        }
    }

    [[noreturn]] void syntax_error(const char* expecting)
    {
        syntax_ = std::string("syntax error, unexpected ") + tok_name(tok_.kind) + ", expecting " +
                  expecting;
        throw Abort{};
    }

    static bool starts_part(Tok t)
    {
        return t == Tok::String || t == Tok::VarBegin || t == Tok::Backref;
    }

    // string: string strpart | strpart | T_ERROR (which aborts quietly).
    void string(std::vector<StringExprPart>& out, bool in_arg)
    {
        if (tok_.kind == Tok::Error) {
            throw Abort{};
        }
        if (!starts_part(tok_.kind)) {
            syntax_error("T_ERROR or T_STRING or T_REGEX_BACKREF or T_VAR_BEGIN");
        }
        while (starts_part(tok_.kind)) {
            strpart(out);
        }
        if (in_arg) {
            if (tok_.kind != Tok::VarEnd) {
                syntax_error("T_STRING or T_REGEX_BACKREF or T_VAR_BEGIN or T_VAR_END");
            }
        } else if (tok_.kind != Tok::End) {
            // The root rule is reduced by default first, so only the end
            // is expected.
            syntax_error("$end");
        }
    }

    void strpart(std::vector<StringExprPart>& out)
    {
        StringExprPart part;
        if (tok_.kind == Tok::String) {
            part.text = std::move(tok_.text);
            if (!part.text.empty()) {
                if (!out.empty() && out.back().kind == StringExprPart::Kind::Literal) {
                    out.back().text += part.text;
                } else {
                    out.push_back(std::move(part));
                }
            }
            advance();
            return;
        }
        if (tok_.kind == Tok::Backref) {
            part.kind = StringExprPart::Kind::Backref;
            part.backref = tok_.num;
            out.push_back(std::move(part));
            advance();
            return;
        }
        // T_VAR_BEGIN T_ID T_VAR_END | T_VAR_BEGIN T_ID ':' string T_VAR_END
        advance();
        if (tok_.kind != Tok::Id) {
            syntax_error("T_ID");
        }
        part.text = tok_.text;
        advance();
        if (tok_.kind == Tok::VarEnd) {
            part.kind = StringExprPart::Kind::Variable;
            if (!known(kVariables, part.text)) {
                error2_ = "Variable '" + part.text + "' does not exist";
            }
        } else if (tok_.kind == Tok::Colon) {
            part.kind = StringExprPart::Kind::Function;
            advance();
            string(part.arg, true);
            if (!known(kFunctions, part.text)) {
                error2_ = "Function '" + part.text + "' does not exist";
            }
        } else {
            syntax_error("T_VAR_END or ':'");
        }
        out.push_back(std::move(part));
        advance();  // past T_VAR_END
    }

    Scanner scan_;
    Token tok_;
    std::optional<std::string> syntax_;  // bison's message (ctx->error)
    std::optional<std::string> error2_;  // scanner or lookup message (ctx->error2)
    bool jammed_ = false;
};

}  // namespace

bool StringExpr::is_literal() const
{
    for (const auto& p : parts) {
        if (p.kind != StringExprPart::Kind::Literal) {
            return false;
        }
    }
    return true;
}

std::string StringExpr::literal_text() const
{
    std::string s;
    for (const auto& p : parts) {
        if (p.kind == StringExprPart::Kind::Literal) {
            s += p.text;
        }
    }
    return s;
}

std::optional<std::string> parse_string_expr(std::string_view text, StringExpr& out)
{
    StringExpr expr;
    expr.source = std::string(text);
    if (auto err = Parser(text).run(expr.parts)) {
        return err;
    }
    out = std::move(expr);
    return std::nullopt;
}

}  // namespace feather::mod::core
