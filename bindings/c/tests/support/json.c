/* A small recursive-descent JSON parser (RFC 8259) for the C tests. */
#include "json.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *text;
    size_t at;
    int failed;
} parser;

static jvalue *parse_value(parser *p, int depth);

static void skip_space(parser *p) {
    while (p->text[p->at] == ' ' || p->text[p->at] == '\t' || p->text[p->at] == '\n' ||
           p->text[p->at] == '\r')
        p->at++;
}

static jvalue *new_value(jtype type) {
    jvalue *v = calloc(1, sizeof *v);
    if (v) v->type = type;
    return v;
}

static int push(jvalue *container, jvalue *item, char *key) {
    jvalue **items = realloc(container->items, (container->count + 1) * sizeof *items);
    if (!items) return 0;
    container->items = items;
    if (container->type == J_OBJECT) {
        char **keys = realloc(container->keys, (container->count + 1) * sizeof *keys);
        if (!keys) return 0;
        container->keys = keys;
        keys[container->count] = key;
    }
    items[container->count++] = item;
    return 1;
}

static void put_utf8(char *out, size_t *len, uint32_t cp) {
    if (cp < 0x80) {
        out[(*len)++] = (char)cp;
    } else if (cp < 0x800) {
        out[(*len)++] = (char)(0xC0 | (cp >> 6));
        out[(*len)++] = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out[(*len)++] = (char)(0xE0 | (cp >> 12));
        out[(*len)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[(*len)++] = (char)(0x80 | (cp & 0x3F));
    } else {
        out[(*len)++] = (char)(0xF0 | (cp >> 18));
        out[(*len)++] = (char)(0x80 | ((cp >> 12) & 0x3F));
        out[(*len)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[(*len)++] = (char)(0x80 | (cp & 0x3F));
    }
}

static int hex4(parser *p, uint32_t *out) {
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p->text[p->at++];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (uint32_t)(c - 'A' + 10);
        else return 0;
    }
    *out = v;
    return 1;
}

/* Reads a string starting at the opening quote; returns a malloc'd UTF-8 copy. */
static char *parse_string(parser *p) {
    if (p->text[p->at] != '"') return NULL;
    p->at++;
    size_t start = p->at, cap = 1;
    while (p->text[start] && p->text[start] != '"') {
        if (p->text[start] == '\\' && p->text[start + 1]) start++;
        start++;
        cap++;
    }
    char *out = malloc(cap * 4 + 1);
    if (!out) return NULL;
    size_t len = 0;
    for (;;) {
        char c = p->text[p->at++];
        if (c == '"') break;
        if (c == '\0' || (unsigned char)c < 0x20) goto bad;
        if (c != '\\') {
            out[len++] = c;
            continue;
        }
        char e = p->text[p->at++];
        uint32_t cp;
        switch (e) {
        case '"': out[len++] = '"'; break;
        case '\\': out[len++] = '\\'; break;
        case '/': out[len++] = '/'; break;
        case 'b': out[len++] = '\b'; break;
        case 'f': out[len++] = '\f'; break;
        case 'n': out[len++] = '\n'; break;
        case 'r': out[len++] = '\r'; break;
        case 't': out[len++] = '\t'; break;
        case 'u':
            if (!hex4(p, &cp)) goto bad;
            if (cp >= 0xD800 && cp <= 0xDBFF && p->text[p->at] == '\\' &&
                p->text[p->at + 1] == 'u') {
                uint32_t low;
                p->at += 2;
                if (!hex4(p, &low) || low < 0xDC00 || low > 0xDFFF) goto bad;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            if (cp == 0) {
                out[len++] = (char)0xC0; /* keep strings NUL-terminated */
                out[len++] = (char)0x80;
            } else {
                put_utf8(out, &len, cp);
            }
            break;
        default: goto bad;
        }
    }
    out[len] = '\0';
    return out;
bad:
    free(out);
    p->failed = 1;
    return NULL;
}

static int literal(parser *p, const char *word) {
    size_t n = strlen(word);
    if (strncmp(p->text + p->at, word, n) != 0) return 0;
    p->at += n;
    return 1;
}

static jvalue *parse_container(parser *p, int depth, int object) {
    jvalue *v = new_value(object ? J_OBJECT : J_ARRAY);
    if (!v) return NULL;
    p->at++;
    skip_space(p);
    char close = object ? '}' : ']';
    if (p->text[p->at] == close) {
        p->at++;
        return v;
    }
    for (;;) {
        char *key = NULL;
        skip_space(p);
        if (object) {
            key = parse_string(p);
            skip_space(p);
            if (!key || p->text[p->at] != ':') {
                free(key);
                goto bad;
            }
            p->at++;
        }
        jvalue *item = parse_value(p, depth + 1);
        if (!item || !push(v, item, key)) {
            json_free(item);
            free(key);
            goto bad;
        }
        skip_space(p);
        if (p->text[p->at] == ',') {
            p->at++;
            continue;
        }
        if (p->text[p->at] == close) {
            p->at++;
            return v;
        }
        goto bad;
    }
bad:
    json_free(v);
    p->failed = 1;
    return NULL;
}

static jvalue *parse_value(parser *p, int depth) {
    if (depth > 200) return NULL;
    skip_space(p);
    char c = p->text[p->at];
    jvalue *v;
    switch (c) {
    case '{': return parse_container(p, depth, 1);
    case '[': return parse_container(p, depth, 0);
    case '"': {
        char *s = parse_string(p);
        if (!s) return NULL;
        v = new_value(J_STRING);
        if (!v) {
            free(s);
            return NULL;
        }
        v->string = s;
        return v;
    }
    case 't':
    case 'f':
        if (!literal(p, c == 't' ? "true" : "false")) return NULL;
        v = new_value(J_BOOL);
        if (v) v->boolean = c == 't';
        return v;
    case 'n':
        return literal(p, "null") ? new_value(J_NULL) : NULL;
    default: {
        if (c != '-' && !isdigit((unsigned char)c)) return NULL;
        char *end;
        double number = strtod(p->text + p->at, &end);
        if (end == p->text + p->at) return NULL;
        p->at = (size_t)(end - p->text);
        v = new_value(J_NUMBER);
        if (v) v->number = number;
        return v;
    }
    }
}

jvalue *json_parse(const char *text, size_t *error_at) {
    if (!text) return NULL;
    parser p = {text, 0, 0};
    jvalue *v = parse_value(&p, 0);
    skip_space(&p);
    if (!v || p.text[p.at] != '\0') {
        if (error_at) *error_at = p.at;
        json_free(v);
        return NULL;
    }
    return v;
}

void json_free(jvalue *v) {
    if (!v) return;
    for (size_t i = 0; i < v->count; i++) {
        json_free(v->items[i]);
        if (v->keys) free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    free(v->string);
    free(v);
}

const jvalue *json_get(const jvalue *object, const char *key) {
    if (!object || object->type != J_OBJECT) return NULL;
    for (size_t i = 0; i < object->count; i++)
        if (strcmp(object->keys[i], key) == 0) return object->items[i];
    return NULL;
}

const jvalue *json_at(const jvalue *array, size_t index) {
    if (!array || array->type != J_ARRAY || index >= array->count) return NULL;
    return array->items[index];
}

const char *json_str(const jvalue *object, const char *key) {
    const jvalue *v = json_get(object, key);
    return v && v->type == J_STRING ? v->string : NULL;
}

double json_num(const jvalue *object, const char *key, double fallback) {
    const jvalue *v = json_get(object, key);
    return v && v->type == J_NUMBER ? v->number : fallback;
}
