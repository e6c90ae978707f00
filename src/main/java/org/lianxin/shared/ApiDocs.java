package org.lianxin.shared;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs: the caller is the session, never a parameter. */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    static {
        SpringDocUtils.getConfig().addAnnotationsToIgnore(CurrentUser.class);
    }

    @Bean
    OpenAPI lianxinApi() {
        return new OpenAPI().info(new Info().title("连心 Lianxin API").version("v1")
                .description("党建引领网格化基层治理。Session cookie login at POST /api/v1/auth/login; writes carry the "
                        + "XSRF-TOKEN cookie in the X-XSRF-TOKEN header; errors are RFC 9457 ProblemDetail."));
    }
}
