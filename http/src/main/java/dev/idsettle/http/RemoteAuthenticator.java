package dev.idsettle.http;

import dev.idsettle.http.message.Answer;
import dev.idsettle.http.message.Messages;
import dev.idsettle.http.message.Request;
import dev.idsettle.roles.AuthorizationRequest;
import dev.idsettle.roles.AuthorizationResult;
import dev.idsettle.roles.Service;
import dev.idsettle.roles.SettlementAuthenticator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A service's authentication device whose manager is across a transport. */
final class RemoteAuthenticator implements SettlementAuthenticator {
  private final ManagerClient client;
  private final Service service;

  RemoteAuthenticator(ManagerClient client, Service service) {
    this.client = client;
    this.service = service;
  }

  @Override
  public Service service() {
    return service;
  }

  @Override
  public AuthorizationResult authorize(AuthorizationRequest request) {
    return client.call(message(request), Results::authorization);
  }

  @Override
  public List<AuthorizationResult> authorizeAll(List<AuthorizationRequest> requests) {
    if (requests.isEmpty()) {
      return List.of();
    }
    List<Request.Authorize> messages = new ArrayList<>(requests.size());
    for (AuthorizationRequest r : requests) {
      messages.add(message(r));
    }
    return client.call(
        new Request.AuthorizeAll(Messages.VERSION, messages), a -> each(a, requests.size()));
  }

  private static Request.Authorize message(AuthorizationRequest r) {
    return new Request.Authorize(Messages.VERSION, r.id(), r.amount(), r.reference());
  }

  private static List<AuthorizationResult> each(Answer answer, int size) {
    if (answer instanceof Answer.Each each && each.results().size() == size) {
      List<AuthorizationResult> results = new ArrayList<>(size);
      for (Answer a : each.results()) {
        results.add(Results.authorization(a));
      }
      return results;
    }
    // one failure for the whole batch (no answer, or one that does not fit): each its own copy
    AuthorizationResult one =
        answer instanceof Answer.Each
            ? Results.unknown("the answer had another number of results")
            : Results.authorization(answer);
    return new ArrayList<>(Collections.nCopies(size, one));
  }
}
