package ru.wbassist.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoutesTest {

    @Test
    void fillsEachParameterInOrder() {
        assertThat(Routes.expand(Admin.PATH + Admin.CABINET_USERS, 5)).isEqualTo("/api/v1/admin/cabinets/5/users");
        assertThat(Routes.expand(Users.PATH + Users.BLOCKED, 42L)).isEqualTo("/users/42/blocked");
        assertThat(Routes.expand(Insights.PATH + Insights.DASHBOARD)).isEqualTo("/api/v1/bot/dashboard");
    }

    @Test
    void refusesTooFewOrTooManyValues() {
        assertThatThrownBy(() -> Routes.expand(Admin.CABINET_SYNC)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Routes.expand(Admin.CABINET_SYNC, 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
