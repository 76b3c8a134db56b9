package com.customerlifecycle.security;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda 7.24 rejects expressions ({@code assigneeExpression=${...}}) in ad-hoc task queries, but not inside
 * {@code orQueries} or in the query that extends a stored filter. This guard closes that hole for {@code /engine-rest}
 * and the webapps' API: a task query or filter execution naming any {@code ...Expression} parameter, at any depth,
 * answers 400. Stored filters keep their own expressions ({@code ${currentUser()}}): those live in the database, not in
 * the request.
 */
class AdHocQueryExpressionGuard extends OncePerRequestFilter {

    static final String[] URL_PATTERNS = {"/engine-rest/*", "/camunda/api/engine/*"};

    private static final Pattern TASK_QUERY = Pattern.compile(
            "^(/engine-rest(/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)"
                    + "/(task(/count)?|filter/[^/]+/(list|count|singleResult))/?$");
    private static final String EXPRESSION_SUFFIX = "Expression";
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final ObjectMapper objectMapper;

    AdHocQueryExpressionGuard(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !TASK_QUERY.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String parameter : request.getParameterMap().keySet()) {
            if (parameter.endsWith(EXPRESSION_SUFFIX)) {
                reject(response, parameter);
                return;
            }
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        String expressionField = body.length == 0 ? null : findExpressionField(body);
        if (expressionField != null) {
            reject(response, expressionField);
            return;
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    private String findExpressionField(byte[] body) {
        try {
            return findExpressionField(objectMapper.readTree(body));
        } catch (IOException notJson) {
            return null; // Camunda answers malformed JSON with its own 400
        }
    }

    private static String findExpressionField(JsonNode node) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().endsWith(EXPRESSION_SUFFIX)) {
                    return field.getKey();
                }
                String nested = findExpressionField(field.getValue());
                if (nested != null) {
                    return nested;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                String nested = findExpressionField(element);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private void reject(HttpServletResponse response, String field) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), Map.of(
                "type", "InvalidRequestException",
                "message", "Expressions are forbidden in ad-hoc task queries (" + field + ")"));
    }

    /** The request with its body read once here and served again to Camunda. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
