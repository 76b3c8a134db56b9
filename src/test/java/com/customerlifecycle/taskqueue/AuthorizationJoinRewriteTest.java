package com.customerlifecycle.taskqueue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The SQL rewrite on its own: where the check moves, and which bind parameter goes where. */
class AuthorizationJoinRewriteTest {

    /** The shape of Camunda 7.24's task list on PostgreSQL for a role queue sorted by a variable, abridged. */
    private static final String TASK_LIST = """
            select distinct RES.REV_, RES.ID_ from ACT_RU_TASK RES
            left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
            left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
            left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2
              AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ( ? , ? ) )
              AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? ) ) )
              AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))
            left join ACT_RU_VARIABLE VAR0 on VAR0.NAME_ = ? and VAR0.EXECUTION_ID_ = RES.PROC_INST_ID_
            WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' and I.GROUP_ID_ = ? ) )
            and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) )
            order by VAR0.TEXT_ asc LIMIT ? OFFSET ?""";

    private static final String CONDITIONS = "( A.TYPE_ < 2\n  AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ( ? , ? ) )\n"
            + "  AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? ) ) )";

    @Test
    void theJoinBecomesAnExistsProbePerTaskWithItsParameters() {
        AuthorizationJoinRewrite.Rewritten rewritten = AuthorizationJoinRewrite.rewrite(TASK_LIST,
                AuthorizationJoinRewrite.Check.EXISTS_PER_TASK);

        assertThat(rewritten).isNotNull();
        assertThat(rewritten.sql()).doesNotContain("AUTH ON", "AUTH.").contains(
                "OR (EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE " + CONDITIONS
                        + " AND A.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'))) )");
        // variable name, group; then the nine of the authorization check; then the page
        assertThat(rewritten.parameterOrder()).containsExactly(9, 10, 0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12);
        assertThat(AuthorizationJoinRewrite.placeholders(rewritten.sql())).isEqualTo(13);
    }

    @Test
    void theJoinBecomesThreeLookUpsOfTheGrantedIdsWithTheirParameters() {
        AuthorizationJoinRewrite.Rewritten rewritten = AuthorizationJoinRewrite.rewrite(TASK_LIST,
                AuthorizationJoinRewrite.Check.GRANTED_ID_LOOK_UPS);

        assertThat(rewritten).isNotNull();
        assertThat(rewritten.sql()).doesNotContain("AUTH ON", "AUTH.").contains(
                "OR (RES.ID_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE " + CONDITIONS + ")"
                        + " OR D.KEY_ IN (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE " + CONDITIONS + ")"
                        + " OR EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE " + CONDITIONS
                        + " AND A.RESOURCE_ID_ = '*')) )");
        // variable name, group; then the nine of the authorization check, three times; then the page
        assertThat(rewritten.parameterOrder()).containsExactly(9, 10, 0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4, 5, 6, 7,
                8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12);
        assertThat(AuthorizationJoinRewrite.placeholders(rewritten.sql())).isEqualTo(31);
    }

    @ParameterizedTest
    @EnumSource(AuthorizationJoinRewrite.Check.class)
    void otherShapesRunUnchanged(AuthorizationJoinRewrite.Check form) {
        assertThat(AuthorizationJoinRewrite.rewrite("select distinct RES.ID_ from ACT_RU_TASK RES where RES.ID_ = ?", form))
                .isNull();
        assertThat(AuthorizationJoinRewrite.rewrite(TASK_LIST.replace("(AUTH.RESOURCE_ID_ IS NOT NULL)", "1 = 1"), form))
                .isNull();
        assertThat(AuthorizationJoinRewrite.rewrite(
                TASK_LIST.replace("order by", "and AUTH1.RESOURCE_ID_ IS NOT NULL order by"), form)).isNull();
    }
}
