package org.lianxin.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Prints where Lianxin answers once the server is up, so that a newcomer knows what to open. */
@Component
class StartupBanner implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        int port = event.getWebServer().getPort();
        log.info("\n\n  连心 Lianxin is running\n  admin console: http://localhost:{}/admin/\n  mobile H5:     "
                + "http://localhost:{}/m/\n  API docs:      http://localhost:{}/swagger-ui.html\n", port, port, port);
    }
}
