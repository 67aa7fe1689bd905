package dev.owp.poold.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every dashboard page the visitor's admin state, for the header and the forms. */
@ControllerAdvice(assignableTypes = {DashboardController.class, AdminController.class})
class DashboardAdvice {

  @ModelAttribute("admin")
  AdminSession admin(HttpServletRequest request) {
    return AdminSession.of(request);
  }
}
