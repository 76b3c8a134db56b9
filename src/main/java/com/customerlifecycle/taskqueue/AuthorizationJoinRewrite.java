package com.customerlifecycle.taskqueue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the authorization join of Camunda 7.24's task query into a check per task, on the SQL MyBatis generated,
 * without copying the engine's mapping.
 *
 * <p>Without revoke checks, {@code Task.xml} ({@code selectTaskByQueryCriteriaSql}) joins the grants that may apply to
 * the user ({@code Authorization.xml}, {@code authCheckJoinWithoutOnClauseWithBinding}) with
 * <pre>
 *   inner|left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE &lt;user, groups, resource types, permissions&gt; )
 *     AUTH ON (AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))
 * </pre>
 * and then keeps a task when {@code (AUTH.RESOURCE_ID_ IS NOT NULL)} ({@code contextualAuthorizationCheck}, where it is
 * or-ed with {@code RES.CASE_EXECUTION_ID_ IS NOT NULL} when CMMN is on). The statements always select and count
 * {@code distinct}, so a task matched by several grants is listed once. Here the join goes away and the check becomes
 * one of two equivalent forms ({@link Check}): a grant with one of the same three resource ids, asked per task. The
 * only SQL written here is that frame, which repeats the join's {@code ON} clause; the conditions inside are the
 * engine's own text, moved. Their bind parameters move with them.
 *
 * <p>When the SQL does not have exactly this shape (authorization off, revoke checks on, another database's syntax, a
 * future Camunda version), {@link #rewrite} returns {@code null} and the engine's statement runs unchanged.
 */
final class AuthorizationJoinRewrite {

    private static final Pattern JOIN = Pattern.compile(
            "(?i)\\b(?:inner|left)\\s+join\\s*(\\()\\s*SELECT\\s+A\\.\\*\\s+FROM\\s+(\\S*ACT_RU_AUTHORIZATION)\\s+A\\s+WHERE\\b");
    private static final Pattern ON = Pattern.compile(
            "(?i)\\s*AUTH\\s+ON\\s*\\(\\s*AUTH\\.RESOURCE_ID_\\s+IN\\s*\\(\\s*RES\\.ID_\\s*,\\s*D\\.KEY_\\s*,\\s*'\\*'\\s*\\)\\s*\\)");
    private static final Pattern CHECK = Pattern.compile("(?i)\\(\\s*AUTH\\.RESOURCE_ID_\\s+IS\\s+NOT\\s+NULL\\s*\\)");
    private static final Pattern ANY_AUTH_REFERENCE = Pattern.compile("(?i)\\bAUTH\\d*\\.");

    private AuthorizationJoinRewrite() {
    }

    /** How the rewritten statement asks whether a grant applies to a task. */
    enum Check {
        /**
         * {@code EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE (<conditions>) AND A.RESOURCE_ID_ IN (RES.ID_,
         * D.KEY_, '*'))}: an index probe per task. Best for a page: the database walks the queue in its order (the
         * due-date index) and stops after the page's tasks.
         */
        EXISTS_PER_TASK(1),
        /**
         * {@code (RES.ID_ IN (SELECT A.RESOURCE_ID_ … WHERE (<conditions>)) OR D.KEY_ IN (…) OR EXISTS (… AND
         * A.RESOURCE_ID_ = '*'))}: the ids the user's grants name are read once per statement (PostgreSQL hashes them),
         * then a hash probe per task. Best for a count, which visits every task of the queue; for a page it costs reading
         * all the user's grants first. The conditions appear three times.
         */
        GRANTED_ID_LOOK_UPS(3);

        /** How often the check repeats the grant conditions, and with them their bind parameters. */
        private final int conditionCopies;

        Check(int conditionCopies) {
            this.conditionCopies = conditionCopies;
        }
    }

    /** The rewritten SQL and, for each of its bind parameters in order, the index of that parameter in the original. */
    record Rewritten(String sql, int[] parameterOrder) {
    }

    /** The rewritten statement, or {@code null} when {@code sql} is not the task query's authorization join. */
    static Rewritten rewrite(String sql, Check form) {
        Matcher join = JOIN.matcher(sql);
        if (!join.find()) {
            return null;
        }
        int joinStart = join.start();
        int open = join.start(1);
        String table = join.group(2);
        int conditionsStart = join.end();
        int close = closingParenthesis(sql, open);
        if (close < 0 || join.find()) {
            return null;
        }
        Matcher on = ON.matcher(sql).region(close + 1, sql.length());
        if (!on.lookingAt()) {
            return null;
        }
        int joinEnd = on.end();
        Matcher check = CHECK.matcher(sql).region(joinEnd, sql.length());
        if (!check.find()) {
            return null;
        }
        int checkStart = check.start();
        int checkEnd = check.end();
        if (check.find()) {
            return null;
        }
        String before = sql.substring(0, joinStart);
        String conditions = sql.substring(conditionsStart, close);
        String between = sql.substring(joinEnd, checkStart);
        String after = sql.substring(checkEnd);
        if (ANY_AUTH_REFERENCE.matcher(before).find() || ANY_AUTH_REFERENCE.matcher(between).find()
                || ANY_AUTH_REFERENCE.matcher(after).find()) {
            return null;
        }
        String grants = table + " A WHERE (" + conditions + ")";
        String perTask = switch (form) {
            case EXISTS_PER_TASK -> "(EXISTS (SELECT 1 FROM " + grants + " AND A.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')))";
            case GRANTED_ID_LOOK_UPS -> "(RES.ID_ IN (SELECT A.RESOURCE_ID_ FROM " + grants + ")"
                    + " OR D.KEY_ IN (SELECT A.RESOURCE_ID_ FROM " + grants + ")"
                    + " OR EXISTS (SELECT 1 FROM " + grants + " AND A.RESOURCE_ID_ = '*'))";
        };
        String rewritten = before + " " + between + perTask + after;

        int beforeCount = placeholders(before);
        int conditionCount = placeholders(conditions);
        int betweenCount = placeholders(between);
        int afterCount = placeholders(after);
        if (placeholders(sql) != beforeCount + conditionCount + betweenCount + afterCount) {
            return null;
        }
        List<Integer> order = new ArrayList<>();
        range(order, 0, beforeCount);
        range(order, beforeCount + conditionCount, betweenCount);
        for (int copy = 0; copy < form.conditionCopies; copy++) {
            range(order, beforeCount, conditionCount);
        }
        range(order, beforeCount + conditionCount + betweenCount, afterCount);
        return new Rewritten(rewritten, order.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void range(List<Integer> order, int from, int count) {
        for (int i = from; i < from + count; i++) {
            order.add(i);
        }
    }

    /** The parenthesis closing the one at {@code open}, outside string literals; -1 if there is none. */
    private static int closingParenthesis(String sql, int open) {
        int depth = 0;
        boolean literal = false;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                literal = !literal;
            } else if (!literal && c == '(') {
                depth++;
            } else if (!literal && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** JDBC placeholders ({@code ?}) outside string literals. */
    static int placeholders(String sql) {
        int count = 0;
        boolean literal = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                literal = !literal;
            } else if (!literal && c == '?') {
                count++;
            }
        }
        return count;
    }
}
