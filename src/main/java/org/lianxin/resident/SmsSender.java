package org.lianxin.resident;

/**
 * Sends a text message to a mainland mobile number. Pluggable: the embedded default writes to the
 * developer inbox ({@code lianxin.sms.sender=dev-inbox}); a deployment provides a bean that calls its
 * SMS gateway. Implementations must never log the text, which may hold a verification code.
 */
public interface SmsSender {

    void send(String phone, String text);
}
