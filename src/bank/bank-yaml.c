/* bank-yaml: part of the bank module; builds a node tree from libyaml's event stream.
 * Events (not libyaml's document loader) let us stop early at the depth limit and keep
 * aliases as shared pointers, so neither deep nesting nor alias bombs grow memory. */
#include "bank-yaml.h"
#include "rebound/map.h"
#include "rebound/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

struct frame {
	struct bank_yaml_node *node;
	const char *anchor;		/* registered when the collection ends, so it cannot contain itself */
	struct bank_yaml_node **children;	/* reused by the next frame at this depth */
	size_t count, capacity;
	int keep;			/* its nodes outlive a streamed item (under an anchor, or not streamed) */
	int streaming;			/* the streamed list: finished items go to the callback */
};

struct builder {
	struct arena *arena;		/* nodes that live as long as the tree */
	struct arena scratch;		/* nodes of the streamed item being built */
	const struct bank_yaml_stream *stream;
	struct frame *stack;
	size_t depth, capacity, max_depth;
	struct map anchors;
	struct bank_yaml_node *root;
	size_t node_count;
	int documents;
	struct bank_yaml_error *err;
};

const char *bank_yaml_kind_name(const struct bank_yaml_node *node)
{
	switch (node->kind) {
	case BANK_YAML_SCALAR:
		return "a text";
	case BANK_YAML_SEQUENCE:
		return "a list";
	default:
		return "a mapping";
	}
}

/* Takes ownership of message. */
static int fail_at(struct builder *b, const yaml_mark_t *mark, char *message)
{
	b->err->message = message;
	b->err->line = (int)mark->line + 1;
	b->err->column = (int)mark->column + 1;
	return -1;
}

/* Where a new node goes: the scratch arena inside a streamed item, unless something may alias it. */
static struct arena *arena_for(struct builder *b, int anchored)
{
	return anchored || b->depth == 0 || b->stack[b->depth - 1].keep ? b->arena : &b->scratch;
}

static struct bank_yaml_node *new_node(struct builder *b, struct arena *arena, enum bank_yaml_kind kind,
				       const yaml_mark_t *mark)
{
	struct bank_yaml_node *node = arena_alloc_raw(arena, sizeof *node);

	memset(node, 0, sizeof *node);
	node->kind = kind;
	node->line = (int)mark->line + 1;
	node->column = (int)mark->column + 1;
	b->node_count++;
	return node;
}

/* Attaches a finished node to the open collection (or hands a streamed item over), or makes it the root. */
static void attach(struct builder *b, struct bank_yaml_node *node)
{
	struct frame *top;

	if (b->depth == 0) {
		b->root = node;
		return;
	}
	top = &b->stack[b->depth - 1];
	if (top->streaming) {
		b->stream->on_item(b->stream->data, node, b->node_count);
		arena_reset(&b->scratch);
		return;
	}
	xgrow(&top->children, &top->capacity, top->count + 1, sizeof *top->children);
	top->children[top->count++] = node;
}

static void remember_anchor(struct builder *b, const char *anchor, struct bank_yaml_node *node)
{
	if (anchor != NULL)
		map_put(&b->anchors, anchor, node);
}

static const char *copy_anchor(struct builder *b, const yaml_char_t *anchor)
{
	return anchor ? arena_strdup(b->arena, (const char *)anchor) : NULL;
}

/* 1 if a list opening now is the value of the stream key in the root mapping. */
static int starts_stream(const struct builder *b)
{
	const struct frame *root;

	if (b->stream == NULL || b->depth != 1)
		return 0;
	root = &b->stack[0];
	return root->node->kind == BANK_YAML_MAPPING && root->count % 2 == 1 &&
	       root->children[root->count - 1]->kind == BANK_YAML_SCALAR &&
	       strcmp(root->children[root->count - 1]->value, b->stream->key) == 0;
}

static int open_collection(struct builder *b, const yaml_event_t *event, enum bank_yaml_kind kind,
			   const yaml_char_t *anchor)
{
	struct arena *arena = arena_for(b, anchor != NULL);
	int streaming = kind == BANK_YAML_SEQUENCE && starts_stream(b);
	struct frame *frame;

	if (b->depth >= b->max_depth)
		return fail_at(b, &event->start_mark, xasprintf("nested deeper than %zu levels", b->max_depth));
	if (b->depth == b->capacity) {
		xgrow(&b->stack, &b->capacity, b->depth + 1, sizeof *b->stack);
		memset(b->stack + b->depth, 0, (b->capacity - b->depth) * sizeof *b->stack);
	}
	frame = &b->stack[b->depth];
	frame->node = new_node(b, arena, kind, &event->start_mark);
	frame->anchor = copy_anchor(b, anchor);
	frame->count = 0;
	frame->keep = arena == b->arena && !streaming;
	frame->streaming = streaming;
	b->depth++;
	return 0;
}

static void close_collection(struct builder *b)
{
	struct frame *frame = &b->stack[--b->depth];
	struct bank_yaml_node *node = frame->node;

	node->count = frame->count;
	node->items = arena_memdup(frame->keep || frame->streaming ? b->arena : &b->scratch, frame->children,
				   frame->count * sizeof *frame->children);
	remember_anchor(b, frame->anchor, node);
	attach(b, node);
}

static int on_event(struct builder *b, const yaml_event_t *event)
{
	struct bank_yaml_node *node;

	switch (event->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++b->documents > 1)
			return fail_at(b, &event->start_mark,
				       xstrdup("a file holds one YAML document; found a second one"));
		return 0;
	case YAML_SCALAR_EVENT: {
		struct arena *arena = arena_for(b, event->data.scalar.anchor != NULL);
		node = new_node(b, arena, BANK_YAML_SCALAR, &event->start_mark);
		node->value = arena_strndup(arena, (const char *)event->data.scalar.value, event->data.scalar.length);
		node->length = event->data.scalar.length;
		node->plain = event->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		remember_anchor(b, copy_anchor(b, event->data.scalar.anchor), node);
		attach(b, node);
		return 0;
	}
	case YAML_ALIAS_EVENT:
		node = map_get(&b->anchors, (const char *)event->data.alias.anchor);
		if (node == NULL)
			return fail_at(b, &event->start_mark,
				       xasprintf("unknown anchor '%s' (an alias must follow its anchor)",
						 (const char *)event->data.alias.anchor));
		attach(b, node);
		return 0;
	case YAML_SEQUENCE_START_EVENT:
		return open_collection(b, event, BANK_YAML_SEQUENCE, event->data.sequence_start.anchor);
	case YAML_MAPPING_START_EVENT:
		return open_collection(b, event, BANK_YAML_MAPPING, event->data.mapping_start.anchor);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		close_collection(b);
		return 0;
	default:
		return 0;
	}
}

/* libyaml's reader errors give a byte offset, not a mark: count lines and characters up to it. */
static void offset_to_position(const char *data, size_t len, size_t offset, int *line, int *column)
{
	size_t i;

	*line = 1;
	*column = 1;
	for (i = 0; i < offset && i < len; i++) {
		unsigned char c = (unsigned char)data[i];
		if (c == '\n') {
			(*line)++;
			*column = 1;
		} else if ((c & 0xC0) != 0x80 && !(c == '\r' && i + 1 < len && data[i + 1] == '\n')) {
			(*column)++;
		}
	}
}

static void parser_error(const yaml_parser_t *parser, const char *data, size_t len, struct bank_yaml_error *err)
{
	const char *problem = parser->problem ? parser->problem : "cannot parse YAML";

	if (parser->error == YAML_READER_ERROR) {
		size_t offset = parser->problem_offset, back;
		/* For a cut-short sequence libyaml points past its first byte: point at the byte that starts it. */
		for (back = 1; back <= 3 && offset >= back && offset <= len; back++)
			if (((unsigned char)data[offset - back] & 0xC0) == 0xC0) {
				offset -= back;
				break;
			}
		offset_to_position(data, len, offset, &err->line, &err->column);
		if (offset < len)
			err->message = xasprintf("not valid UTF-8 text (byte 0x%02x); save the file as UTF-8",
						 (unsigned char)data[offset]);
		else
			err->message = xasprintf("not valid UTF-8 text (%s); save the file as UTF-8", problem);
		return;
	}
	err->line = (int)parser->problem_mark.line + 1;
	err->column = (int)parser->problem_mark.column + 1;
	if (parser->context != NULL)
		err->message = xasprintf("%s (%s at %d:%d)", problem, parser->context,
					 (int)parser->context_mark.line + 1, (int)parser->context_mark.column + 1);
	else
		err->message = xstrdup(problem);
}

int bank_yaml_parse(const char *data, size_t len, int max_depth, const struct bank_yaml_stream *stream,
		    struct arena *arena, struct bank_yaml_node **root, size_t *node_count,
		    struct bank_yaml_error *err)
{
	yaml_parser_t parser;
	yaml_event_t event;
	struct builder b;
	int rc = 0, done = 0;

	memset(&b, 0, sizeof b);
	b.arena = arena;
	arena_init(&b.scratch);
	b.stream = stream;
	b.max_depth = (size_t)max_depth;
	b.err = err;
	map_init(&b.anchors);
	err->message = NULL;
	err->line = err->column = 0;

	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &event)) {
			parser_error(&parser, data, len, err);
			rc = -1;
			break;
		}
		done = event.type == YAML_STREAM_END_EVENT;
		rc = on_event(&b, &event);
		yaml_event_delete(&event);
		if (rc != 0)
			break;
	}
	yaml_parser_delete(&parser);
	for (b.depth = 0; b.depth < b.capacity; b.depth++)
		free(b.stack[b.depth].children);
	free(b.stack);
	arena_release(&b.scratch);
	map_release(&b.anchors);
	*root = rc == 0 ? b.root : NULL;
	*node_count = b.node_count;
	return rc;
}
