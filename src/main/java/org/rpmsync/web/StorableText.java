package org.rpmsync.web;

/**
 * The one rule for text that reaches us from outside (forms, query parameters, JSON bodies, webhook items): it is
 * stored as sent, except that it may not hold a NUL character (U+0000) or half of a surrogate pair, which
 * PostgreSQL text cannot store and no person types. Such text is refused with a reason, never altered; where
 * refused text must itself be kept (a rejected webhook item), {@link #escaped} writes those characters as
 * {@code \\uXXXX}.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why {@code text} cannot be stored ("contains a NUL character (U+0000)"), or null when it can. */
    public static String problem(CharSequence text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "contains a NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c) && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "contains half of a surrogate pair (U+" + String.format("%04X", (int) c) + ")";
            }
        }
        return null;
    }

    /** {@code text} with NUL characters and unpaired surrogates written as {@code \\uXXXX}; null stays null. */
    public static String escaped(String text) {
        if (text == null || problem(text) == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (c == 0 || Character.isSurrogate(c) && !paired) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
