//! The few HTML pages a person sees: log-in, consent, errors, connected applications.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A hidden form input.
pub fn hidden(name: &str, value: &str) -> String {
    format!(
        "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
        escape(name),
        escape(value)
    )
}

/// A whole page with the emulator's look.
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title} ‹ WordPress.com (emulator)</title>\
<style>body{{font-family:sans-serif;max-width:36em;margin:3em auto;padding:0 1em;color:#1d2327}}\
.error{{color:#b32d2e;border-left:4px solid #b32d2e;padding:.5em}}label{{display:block;margin:.8em 0 .2em}}\
button,input[type=submit]{{margin:.8em .4em 0 0;padding:.4em 1em}}li{{margin:.6em 0}}</style></head>\
<body><h1>{title}</h1>\n{body}\n</body></html>\n",
        title = escape(title),
    )
}

/// An HTML response with the given status.
pub fn respond(status: StatusCode, html: String) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        html,
    )
        .into_response()
}

/// An error page: never a redirect, so a bad `redirect_uri` cannot be abused.
pub fn error_page(status: StatusCode, message: &str) -> Response {
    let body = format!("<p class=\"error\" id=\"error\">{}</p>", escape(message));
    respond(status, page("Error", &body))
}

/// The log-in form; it posts to `/wp-login.php` and comes back to `redirect_to`.
pub fn login_form(redirect_to: &str, error: Option<&str>) -> Response {
    let error = error.map_or_else(String::new, |text| {
        format!("<p class=\"error\" id=\"login_error\">{}</p>", escape(text))
    });
    let body = format!(
        "{error}<form name=\"loginform\" id=\"loginform\" method=\"post\" action=\"/wp-login.php\">\
<label for=\"user_login\">Username or email address</label>\
<input type=\"text\" name=\"log\" id=\"user_login\" autocomplete=\"username\" required>\
<label for=\"user_pass\">Password</label>\
<input type=\"password\" name=\"pwd\" id=\"user_pass\" autocomplete=\"current-password\" required>\
{redirect}<p><input type=\"submit\" name=\"wp-submit\" id=\"wp-submit\" value=\"Log In\"></p></form>",
        redirect = hidden("redirect_to", redirect_to),
    );
    respond(StatusCode::OK, page("Log in", &body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_markup() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn hidden_inputs_escape_their_values() {
        assert_eq!(
            hidden("state", "a\"b"),
            "<input type=\"hidden\" name=\"state\" value=\"a&quot;b\">"
        );
    }
}
