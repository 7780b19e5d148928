import Singer
