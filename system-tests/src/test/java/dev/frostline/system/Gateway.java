package dev.frostline.system;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;

/** The one door the system tests use: every call goes through the gateway, as a client's would. */
final class Gateway {

    static final String URL = System.getProperty("frostline.gateway.url", "http://127.0.0.1:8080");

    private Gateway() {
    }

    static RequestSpecification anonymous() {
        return RestAssured.given().baseUri(URL).contentType(ContentType.JSON);
    }

    static RequestSpecification as(String token) {
        return anonymous().auth().oauth2(token);
    }

    static URI webSocket() {
        return URI.create(URL.replaceFirst("^http", "ws") + "/ws");
    }
}
