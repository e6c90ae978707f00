package org.lianxin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;

import org.junit.jupiter.api.Test;
import org.lianxin.Http;

/**
 * Story S3 in the browser: secretary 梅丽华's four service tasks (the demo's) in the console; 林志强 (plumbing,
 * driving) sees the building patrol first on his phone, with why; 刘明 (network, law) sees the rental checks and the
 * lift coordination first and claims one himself; the console shows who claimed what — nobody was assigned.
 */
class ServiceTaskBrowserTests extends BrowserTest {

    @Test
    void s3_secretaryMeiListsFourTasksMembersClaimByTheirSkillsAndNobodyIsAssigned() {
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-service-tasks").click();
        Locator table = page.getByTestId("task-table");
        assertThat(table).containsText("小区环境整治");
        assertThat(table).containsText("加装电梯协调");
        assertThat(table).containsText("出租屋人口核查");
        assertThat(table).containsText("无物业楼栋巡查");
        screenshot("admin-service-tasks");

        mobileLogin("louzhang");
        page.getByTestId("m-tile-service-tasks").click();
        Locator firstForLin = page.getByTestId("m-task-card").first();
        assertThat(firstForLin).containsText("无物业楼栋巡查");
        assertThat(firstForLin.getByTestId("m-task-fit")).containsText("水电维修");
        screenshot("mobile-service-tasks-lin");

        mobileLogin("member");
        page.getByTestId("m-tile-service-tasks").click();
        Locator firstForLiu = page.getByTestId("m-task-card").first();
        assertThat(firstForLiu).containsText("加装电梯协调");
        assertThat(firstForLiu.getByTestId("m-task-fit")).containsText("法律");
        Locator rental = page.getByTestId("m-task-card").filter(new Locator.FilterOptions().setHasText("出租屋人口核查"));
        rental.getByTestId("m-task-claim").click();
        assertThat(rental).containsText("1/4");
        screenshot("mobile-service-tasks-claimed");

        open(1440, 900);
        adminLogin("beijiang", Http.DEMO_PASSWORD);
        page.getByTestId("menu-service-tasks").click();
        page.getByTestId("task-table").locator("tr", new Locator.LocatorOptions().setHasText("出租屋人口核查")).click();
        assertThat(page.getByTestId("task-claims")).containsText("刘明");
        screenshot("admin-service-task-claims");
    }
}
