/* Finnish date and time entry in the admin (README: Editorial workflow → Dates in the admin).
 *
 * Wagtail's date pickers (jQuery xdsoft datetimepicker) read the format from
 * WAGTAIL_DATE_FORMAT / WAGTAIL_DATETIME_FORMAT ("d.m.Y H.i"). Two of the
 * picker's defaults are changed for every date, time and datetime field, in
 * forms and in StreamField blocks alike (this file runs before any picker is made):
 *
 * - validateOnBlur: the picker's own check on leaving the field replaced any
 *   text it could not read with the current moment, silently. Now what was
 *   typed stays: the server reads "10.2.2027 12.00", "20.1.2027", "12:00" or
 *   ISO, and answers anything else with an error on the field.
 * - step: the time list offers quarter hours (00.00, 00.15, ...) instead of
 *   whole hours.
 * - onShow: the picker opens 100 ms after its field gets focus. It no longer
 *   opens if by then the field has lost focus or Escape was pressed in it
 *   (typing a date and pressing Escape left a picker open that the next
 *   click elsewhere closed, and the page moved under that click). A click on
 *   the field opens it again.
 */
(function () {
  'use strict';
  var picker = window.jQuery && window.jQuery.fn.datetimepicker;
  if (!picker || !picker.defaults) {
    return;
  }
  picker.defaults.validateOnBlur = false;
  picker.defaults.step = 15;
  picker.defaults.dayOfWeekStart = 1;

  var dismissed = typeof WeakSet === 'function' ? new WeakSet() : null;
  if (dismissed) {
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' || event.key === 'Esc') dismissed.add(event.target);
    }, true);
    var reset = function (event) {
      dismissed.delete(event.target);
    };
    document.addEventListener('focusin', reset, true);
    document.addEventListener('mousedown', reset, true);
    document.addEventListener('touchstart', reset, true);
  }
  picker.defaults.onShow = function (current, $input) {
    var input = $input && $input[0];
    if (!input || !input.ownerDocument) return true;
    if (input.ownerDocument.activeElement !== input) return false;
    return !(dismissed && dismissed.has(input));
  };
})();
