# nbgrader's configuration for the SwiftML example course (see the README, "Grading with
# nbgrader"). Run nbgrader from this folder: `nbgrader generate_assignment ps1`, collect the
# submissions into submitted/<student>/ps1/, then `nbgrader autograde ps1` and
# `nbgrader generate_feedback ps1`.
c = get_config()

c.CourseDirectory.course_id = "ml-intro"

# Each cell may run this long before nbgrader interrupts the kernel (the SwiftML kernel stops
# within milliseconds) and grades the rest of the notebook.
c.ExecutePreprocessor.timeout = 30
